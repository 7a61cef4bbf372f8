package org.threatanalysis.reading;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of an Office Open XML package that the reader uses, straight from the zip: the
 * content types, the relationships of a part, and a part's bytes under the zip checks of the
 * {@link ReadingBudget}. POI's {@code OPCPackage} builds a model of every part when it opens a
 * package (the content types, every relationship part and the document properties through a DOM
 * parser, the central directory and every local header through commons-compress); a submission
 * is opened twice a night, and that was more than half of the registration's CPU.
 *
 * <p>Part names follow the packaging conventions: relationship targets are resolved against
 * their source part's folder, percent-encoded characters decoded, and a part found in the zip
 * whatever the case of its name, as Excel does. Every XML part is read with {@link SafeXml}.
 */
final class OoxmlPackage implements Closeable {

    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    static final String STRICT_OFFICE_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    private static final String PACKAGE_ROOT = "/";
    /** Below this much unpacked, an entry's inflate ratio is not judged (POI's grace size). */
    private static final long GRACE_ENTRY_BYTES = 100 * 1024;

    /** A relationship to a part of this package (external targets are left out). */
    record Relationship(String id, String type, String target) {
    }

    private final Path file;
    private final ZipFile zip;
    private final ReadingBudget budget;
    /** Zip entries by lower-case part name (without the leading '/'), for names Excel treats alike. */
    private Map<String, ZipEntry> entriesIgnoringCase;
    private final Map<String, String> defaultTypes = new HashMap<>();
    /** Content types named for one part, by lower-case part name, in the order the content-types part lists them. */
    private final Map<String, PartType> overrideTypes = new LinkedHashMap<>();

    private record PartType(String partName, String contentType) {
    }

    private OoxmlPackage(Path file, ZipFile zip, ReadingBudget budget) {
        this.file = file;
        this.zip = zip;
        this.budget = budget;
    }

    /**
     * Opens the package and reads its content types.
     *
     * @throws NotAPackageException when the zip has no content-types part (an OpenDocument file or
     *         any other archive)
     */
    static OoxmlPackage open(Path file, ReadingBudget budget) throws IOException, XMLStreamException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            if (zip.size() > budget.maxZipEntries()) {
                throw new IOException("The zip file holds " + zip.size()
                        + " entries: more internal file entries than the " + budget.maxZipEntries() + " accepted");
            }
            OoxmlPackage pkg = new OoxmlPackage(file, zip, budget);
            if (pkg.entry(CONTENT_TYPES) == null) {
                throw new NotAPackageException();
            }
            pkg.readContentTypes();
            return pkg;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** A zip without the content-types part every Office Open XML package has. */
    static final class NotAPackageException extends IOException {
        NotAPackageException() {
            super("The zip file has no " + CONTENT_TYPES + " part");
        }
    }

    private void readContentTypes() throws IOException, XMLStreamException {
        try (InputStream in = open(PACKAGE_ROOT + CONTENT_TYPES)) {
            XMLStreamReader xml = SafeXml.reader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String type = xml.getAttributeValue(null, "ContentType");
                    if (type == null || defaultTypes.size() + overrideTypes.size() >= 2 * budget.maxZipEntries()) {
                        continue; // a package names at most a type per entry and per extension: the rest is no part's
                    }
                    if ("Default".equals(xml.getLocalName())) {
                        String extension = xml.getAttributeValue(null, "Extension");
                        if (extension != null) {
                            defaultTypes.putIfAbsent(extension.toLowerCase(Locale.ROOT), type);
                        }
                    } else if ("Override".equals(xml.getLocalName())) {
                        String partName = xml.getAttributeValue(null, "PartName");
                        if (partName != null) {
                            String name = normalise(partName);
                            overrideTypes.putIfAbsent(name.toLowerCase(Locale.ROOT), new PartType(name, type));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
    }

    /** The content type of a part, by its own entry or else by its extension; null when neither. */
    String contentType(String partName) {
        PartType override = overrideTypes.get(normalise(partName).toLowerCase(Locale.ROOT));
        if (override != null) {
            return override.contentType();
        }
        int dot = partName.lastIndexOf('.');
        return dot < partName.lastIndexOf('/') ? null
                : defaultTypes.get(partName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The first part the content-types part names with this type, as POI's reader finds it; null when none is in the zip. */
    String firstPartOfType(String contentType) {
        for (PartType override : overrideTypes.values()) {
            if (override.contentType().equals(contentType) && exists(override.partName())) {
                return override.partName();
            }
        }
        return null;
    }

    /** The package's own relationships ({@code /_rels/.rels}). */
    List<Relationship> packageRelationships() throws IOException, XMLStreamException {
        return relationships(PACKAGE_ROOT);
    }

    /**
     * The relationships of a part to other parts of the package, read from its relationships part
     * ({@code /xl/_rels/workbook.xml.rels} for {@code /xl/workbook.xml}); none when it has none.
     */
    List<Relationship> relationships(String sourcePart) throws IOException, XMLStreamException {
        String folder = sourcePart.substring(0, sourcePart.lastIndexOf('/') + 1);
        String relationshipsPart = folder + "_rels/" + sourcePart.substring(folder.length()) + ".rels";
        if (!exists(relationshipsPart)) {
            return List.of();
        }
        List<Relationship> relationships = new ArrayList<>();
        try (InputStream in = open(relationshipsPart)) {
            XMLStreamReader xml = SafeXml.reader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT || !"Relationship".equals(xml.getLocalName())) {
                        continue;
                    }
                    String id = xml.getAttributeValue(null, "Id");
                    String type = xml.getAttributeValue(null, "Type");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id == null || type == null || target == null
                            || "External".equalsIgnoreCase(xml.getAttributeValue(null, "TargetMode"))) {
                        continue;
                    }
                    if (relationships.size() >= budget.maxZipEntries()) {
                        throw new IOException("A relationships part lists more internal file entries than the "
                                + budget.maxZipEntries() + " accepted");
                    }
                    relationships.add(new Relationship(id, type.trim(), resolve(folder, target)));
                }
            } finally {
                xml.close();
            }
        }
        return relationships;
    }

    /** The first relationship of that type, or null. */
    static Relationship firstOfType(List<Relationship> relationships, String type) {
        for (Relationship relationship : relationships) {
            if (relationship.type().equals(type)) {
                return relationship;
            }
        }
        return null;
    }

    boolean exists(String partName) {
        return entry(partName) != null;
    }

    /** The part's unpacked size as its zip entry states it, or -1 when the entry does not say (or there is no part). */
    long size(String partName) {
        ZipEntry entry = entry(partName);
        return entry == null ? -1 : entry.getSize();
    }

    /**
     * The part's bytes as they are unpacked, under the budget's zip checks: an entry may not unpack
     * to more than {@code max-entry-bytes}, nor, past the first 100 KB, to more than its compressed
     * size divided by {@code min-inflate-ratio} (a 'zip bomb').
     */
    InputStream open(String partName) throws IOException {
        ZipEntry entry = entry(partName);
        if (entry == null) {
            throw new IOException("The part " + partName + " is missing from " + file.getFileName());
        }
        return new GuardedEntry(zip.getInputStream(entry), entry, budget);
    }

    private ZipEntry entry(String partName) {
        String name = partName.startsWith("/") ? partName.substring(1) : partName;
        ZipEntry entry = zip.getEntry(name);
        if (entry != null && !entry.isDirectory()) {
            return entry;
        }
        if (entriesIgnoringCase == null) {
            entriesIgnoringCase = new HashMap<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry each = entries.nextElement();
                if (!each.isDirectory()) {
                    String eachName = each.getName().startsWith("/") ? each.getName().substring(1) : each.getName();
                    entriesIgnoringCase.putIfAbsent(eachName.toLowerCase(Locale.ROOT), each);
                }
            }
        }
        return entriesIgnoringCase.get(name.toLowerCase(Locale.ROOT));
    }

    /** A target resolved against its source's folder: an absolute part name, '.' and '..' removed, %XX decoded. */
    static String resolve(String folder, String target) {
        String path = target.trim().replace('\\', '/');
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String joined = path.startsWith("/") ? path : folder + path;
        List<String> segments = new ArrayList<>();
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(segment);
            }
        }
        return normalise("/" + String.join("/", segments));
    }

    /** A part name with '%XX' decoded, as the zip stores it; kept as it is when an escape is malformed. */
    private static String normalise(String partName) {
        String name = partName.startsWith("/") ? partName : "/" + partName;
        if (name.indexOf('%') < 0) {
            return name;
        }
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** An entry's unpacked bytes, counted against the budget's zip checks as they are read. */
    private static final class GuardedEntry extends FilterInputStream {

        private final String name;
        private final long compressedBytes;
        private final long maxBytes;
        private final double minInflateRatio;
        private long unpacked;

        GuardedEntry(InputStream in, ZipEntry entry, ReadingBudget budget) {
            super(in);
            this.name = entry.getName();
            this.compressedBytes = entry.getMethod() == ZipEntry.STORED ? -1 : entry.getCompressedSize();
            this.maxBytes = budget.maxEntryBytes();
            this.minInflateRatio = budget.minInflateRatio();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long bytes) throws IOException {
            unpacked += bytes;
            if (unpacked > maxBytes) {
                throw new IOException("Zip bomb detected! The entry " + name + " unpacks to more than the "
                        + maxBytes + " bytes accepted");
            }
            // The ratio is judged against the entry's whole compressed size, which the inflater
            // cannot read beyond: a bomb is caught a little later than by counting as it inflates.
            if (compressedBytes >= 0 && unpacked > GRACE_ENTRY_BYTES
                    && (double) compressedBytes / unpacked < minInflateRatio) {
                throw new IOException("Zip bomb detected! The entry " + name + " unpacks to " + unpacked
                        + " bytes from " + compressedBytes + ", below the inflate ratio of " + minInflateRatio);
            }
        }
    }
}
