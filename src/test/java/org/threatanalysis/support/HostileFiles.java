package org.threatanalysis.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.threatanalysis.reading.FixtureWorkbooks;

/**
 * The bad-input corpus, generated: one hostile or broken file per case, built with
 * {@code java.util.zip} and POI from a small valid submission. Nothing is downloaded.
 *
 * <p>Each case names the words its rejection reason must contain.
 */
public final class HostileFiles {

    /** One corpus file: how to build it and what its rejection reason must say. */
    public record Case(String fileName, String expectedReason, Generator generator) {

        public Path writeTo(Path folder) {
            try {
                Files.createDirectories(folder);
                Path scratch = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-scratch"));
                Path file = folder.resolve(fileName);
                generator.write(file, scratch);
                return file;
            } catch (Exception e) {
                throw new IllegalStateException("cannot build " + fileName, e);
            }
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    @FunctionalInterface
    public interface Generator {
        void write(Path file, Path scratch) throws Exception;
    }

    private HostileFiles() {
    }

    /** Every case of the corpus (issue 6, point 2). */
    public static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("zero-bytes.xlsx", "empty", (f, s) -> Files.write(f, new byte[0])));
        cases.add(new Case("csv-renamed.xlsx", "not an Excel workbook",
                (f, s) -> Files.writeString(f, "Year;Crime area;Indicator;Value\n2019;DRG;cases;12\n")));
        cases.add(new Case("text-renamed.xls", "not an Excel workbook",
                (f, s) -> Files.writeString(f, "Figures for 2019 will follow by mail.\n")));
        cases.add(new Case("pdf-renamed.xlsx", "PDF", (f, s) -> Files.writeString(f,
                "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", StandardCharsets.ISO_8859_1)));
        cases.add(new Case("html-renamed.xls", "HTML", (f, s) -> Files.writeString(f,
                "<html><body><table><tr><td>Year</td></tr></table></body></html>\n")));
        cases.add(new Case("truncated-zip.xlsx", "damaged", (f, s) -> {
            byte[] good = Files.readAllBytes(good(s));
            Files.write(f, Arrays.copyOf(good, good.length / 2));
        }));
        cases.add(new Case("zip-bomb.xlsx", "zip bomb", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/worksheets/sheet2.xml", old -> padded(old, 60_000_000)))));
        cases.add(new Case("too-many-entries.xlsx", "internal parts", (f, s) -> {
            Map<String, byte[]> extra = new LinkedHashMap<>();
            for (int i = 0; i < 1_500; i++) {
                extra.put("xl/media/padding" + i + ".bin", new byte[] {(byte) i});
            }
            rewrite(good(s), f, Map.of(), extra);
        }));
        cases.add(new Case("doctype-workbook.xlsx", "DOCTYPE", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/workbook.xml", old -> withDoctype(old)))));
        cases.add(new Case("doctype-sheet.xlsx", "DOCTYPE", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/worksheets/sheet2.xml", old -> withDoctype(old)))));
        cases.add(new Case("malformed-xml.xlsx", "damaged", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/worksheets/sheet2.xml", old -> Arrays.copyOf(old, old.length - 40)))));
        cases.add(new Case("encrypted.xlsx", "password", (f, s) -> encrypt(good(s), f, "secret")));
        cases.add(new Case("encrypted-default-password.xlsx", "password",
                (f, s) -> encrypt(good(s), f, "VelvetSweatshop")));
        cases.add(new Case("encrypted-default-password.xls", "password", (f, s) -> {
            Biff8EncryptionKey.setCurrentUserPassword("VelvetSweatshop");
            try {
                goodWorkbook().saveAs(f);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }));
        cases.add(new Case("encrypted.xls", "password", (f, s) -> {
            Biff8EncryptionKey.setCurrentUserPassword("secret");
            try {
                goodWorkbook().saveAs(f);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }));
        cases.add(new Case("binary-workbook.xlsx", ".xlsb", (f, s) -> zip(f, Map.of(
                "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>
                        </Types>""",
                "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/>
                        </Relationships>""",
                "xl/workbook.bin", "binary records"))));
        cases.add(new Case("opendocument.xlsx", "OpenDocument", (f, s) -> zip(f, Map.of(
                "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"))));
        cases.add(new Case("strict-ooxml.xlsx", "Strict", (f, s) -> rewrite(good(s), f, Map.of(
                "_rels/.rels", old -> new String(old, StandardCharsets.UTF_8).replace(
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
                        .getBytes(StandardCharsets.UTF_8)))));
        cases.add(new Case("excel95.xls", "Excel 95", (f, s) -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(new byte[] {9, 8, 8, 0, 0, 5, 5, 0}), "Book");
                try (OutputStream out = Files.newOutputStream(f)) {
                    fs.writeFilesystem(out);
                }
            }
        }));
        cases.add(new Case("excel4.xls", "very old Excel",
                (f, s) -> Files.write(f, new byte[] {0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0, 0, 0})));
        cases.add(new Case("missing-sheet-part.xlsx", "damaged", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/worksheets/sheet2.xml", old -> null))));
        cases.add(new Case("dangling-sheet.xlsx", "damaged", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/workbook.xml", old -> new String(old, StandardCharsets.UTF_8)
                        .replaceFirst("(<sheet [^>]*name=\"Indicators\"[^>]*r:id=\")rId\\d+", "$1rId99")
                        .getBytes(StandardCharsets.UTF_8)))));
        cases.add(new Case("deeply-nested.xlsx", "damaged", (f, s) -> rewrite(good(s), f, Map.of(
                "xl/styles.xml", old -> deeplyNested(old)))));
        return cases;
    }

    /**
     * Files with bytes changed at random (fixed seeds): each may be read, rejected for any
     * reason, or read with data-quality findings; none may crash the run.
     */
    public static List<Path> fuzzed(Path folder, int count) throws IOException {
        Path scratch = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-scratch"));
        byte[] xlsx = Files.readAllBytes(good(scratch));
        byte[] xls = Files.readAllBytes(goodWorkbook().saveAs(scratch.resolve("good.xls")));
        List<Path> files = new ArrayList<>();
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Random random = new Random(1000 + i);
            byte[] bytes = (i % 2 == 0 ? xlsx : xls).clone();
            int flips = 1 + random.nextInt(20);
            for (int j = 0; j < flips; j++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            files.add(Files.write(folder.resolve("fuzzed-" + i + (i % 2 == 0 ? ".xlsx" : ".xls")), bytes));
        }
        return files;
    }

    /** A small valid submission (Montenegro, 2019-2020, two indicator rows). */
    public static FixtureWorkbooks goodWorkbook() {
        FixtureWorkbooks workbook = FixtureWorkbooks.workbook();
        workbook
                .sheet("Submission")
                .row("Member state", "Montenegro")
                .row("Reporting period", "2019-2020")
                .row("Submission date", LocalDate.of(2022, 3, 14))
                .sheet("Indicators")
                .row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12)
                .row(2020, "Migrant smuggling", "cases", null, 15);
        return workbook;
    }

    static Path good(Path scratch) {
        Path file = scratch.resolve(".corpus-base.xlsx");
        if (!Files.exists(file)) {
            goodWorkbook().saveAs(file);
        }
        return file;
    }

    /** Copies a zip, replacing entries (a null result drops the entry) and adding others. */
    public static void rewrite(Path source, Path target, Map<String, UnaryOperator<byte[]>> replace) throws IOException {
        rewrite(source, target, replace, Map.of());
    }

    public static void rewrite(Path source, Path target, Map<String, UnaryOperator<byte[]>> replace,
            Map<String, byte[]> extra) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] content = replace.containsKey(entry.getKey())
                        ? replace.get(entry.getKey()).apply(entry.getValue()) : entry.getValue();
                if (content != null) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    /** Writes a zip with one entry per map entry, in key order reversed (mimetype is not first on purpose). */
    public static void zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static byte[] padded(byte[] sheetXml, int spaces) {
        String xml = new String(sheetXml, StandardCharsets.UTF_8);
        int at = xml.indexOf("<sheetData>");
        at = at < 0 ? xml.indexOf("<sheetData") : at;
        ByteArrayOutputStream out = new ByteArrayOutputStream(spaces + sheetXml.length);
        out.writeBytes(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) ' ');
        for (int written = 0; written < spaces; written += block.length) {
            out.write(block, 0, Math.min(block.length, spaces - written));
        }
        out.writeBytes(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] withDoctype(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int end = text.indexOf("?>") + 2;
        String root = text.substring(end).trim();
        String rootName = root.substring(1, root.indexOf(' '));
        return (text.substring(0, end) + "<!DOCTYPE " + rootName + " [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" + root)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deeplyNested(byte[] stylesXml) {
        String text = new String(stylesXml, StandardCharsets.UTF_8);
        int close = text.lastIndexOf("</styleSheet>");
        StringBuilder nested = new StringBuilder();
        int depth = 200_000;
        nested.append("<extLst>");
        for (int i = 0; i < depth; i++) {
            nested.append("<ext>");
        }
        for (int i = 0; i < depth; i++) {
            nested.append("</ext>");
        }
        nested.append("</extLst>");
        return (text.substring(0, close) + nested + text.substring(close)).getBytes(StandardCharsets.UTF_8);
    }

    private static void encrypt(Path plain, Path target, String password) throws Exception {
        try (POIFSFileSystem fileSystem = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fileSystem); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(out);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fileSystem.writeFilesystem(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
