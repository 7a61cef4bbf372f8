package org.threatanalysis.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The sheet names of an {@code .xlsx}, read from its workbook part alone: a cheap look, without
 * opening the package with POI, at whether a file can be a reference workbook (every run asks
 * this of every input file, and an unchanged night opens nothing else). Empty whenever the file
 * is not an ordinary {@code .xlsx} or anything about it is odd: the caller then opens it properly.
 */
public final class SheetNames {

    /** A workbook part lists sheets, not data: anything larger is odd, and left to POI. */
    private static final int MAX_WORKBOOK_PART_BYTES = 1 << 20;

    private SheetNames() {
    }

    public static Optional<List<String>> peek(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".xlsm")) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry part = zip.getEntry("xl/workbook.xml");
            if (part == null || part.getSize() < 0 || part.getSize() > MAX_WORKBOOK_PART_BYTES) {
                return Optional.empty();
            }
            byte[] xml;
            try (InputStream in = zip.getInputStream(part)) {
                xml = in.readNBytes(MAX_WORKBOOK_PART_BYTES + 1);
            }
            if (xml.length > MAX_WORKBOOK_PART_BYTES) {
                return Optional.empty();
            }
            XMLStreamReader reader = SafeXml.reader(new ByteArrayInputStream(xml));
            try {
                List<String> names = new ArrayList<>();
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(reader.getLocalName())) {
                        String sheet = reader.getAttributeValue(null, "name");
                        if (sheet == null) {
                            return Optional.empty();
                        }
                        names.add(sheet);
                    }
                }
                return Optional.of(names);
            } finally {
                reader.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
