package org.threatanalysis.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The parsing floor the job is compared with, measured on the same files: a bare streaming scan
 * of every sheet (zip + StAX, counting cells, nothing kept) and a bare streaming write of a
 * given number of cells (minimal sheet XML, deflate level 1). Each runs in a fresh process.
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        long cells = switch (args[0]) {
            case "read" -> read(Path.of(args[1]));
            case "write" -> write(Path.of(args[1]), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("read FOLDER | write FILE CELLS");
        };
        System.out.println("BENCHMARK cells " + cells);
        System.out.println("BENCHMARK in-process-ms " + (System.nanoTime() - started) / 1_000_000);
    }

    static long read(Path folder) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        long cells = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        for (Path file : files) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith("xl/worksheets/sheet") && !entry.getName().equals("xl/sharedStrings.xml")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        XMLStreamReader xml = factory.createXMLStreamReader(in);
                        while (xml.hasNext()) {
                            int event = xml.next();
                            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                                cells++;
                            } else if (event == XMLStreamConstants.CHARACTERS) {
                                xml.getTextLength();
                            }
                        }
                        xml.close();
                    }
                }
            }
        }
        return cells;
    }

    static long write(Path file, long cells) throws IOException {
        int columns = 15;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            long written = 0;
            int row = 1;
            while (written < cells) {
                out.write("<row r=\"" + row + "\">");
                for (int c = 0; c < columns && written < cells; c++, written++) {
                    if (c % 3 == 0) {
                        out.write("<c t=\"n\"><v>" + (written % 10007) + "</v></c>");
                    } else {
                        out.write("<c t=\"inlineStr\"><is><t>text value " + (written % 997) + "</t></is></c>");
                    }
                }
                out.write("</row>");
                row++;
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
        }
        return cells;
    }

}
