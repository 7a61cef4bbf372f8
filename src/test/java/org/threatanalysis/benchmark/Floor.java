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

import org.threatanalysis.staging.RowBlockCodec;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;

/**
 * The parsing floor the job is compared with, measured on the same files: a bare streaming scan
 * of every sheet (zip + StAX, counting cells, nothing kept) and a bare streaming write of a
 * given number of cells (minimal sheet XML, deflate level 1). Each runs in a fresh process.
 *
 * <p>Not part of the floor but printed beside it: the bare cost of staging as the job stages, that
 * is as many rows as the job stages encoded in blocks of 2,000 (the job's chunk) into an HSQLDB
 * CACHED table, with a durable commit per block, and read back once, in a fresh database.
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        long cells = switch (args[0]) {
            case "read" -> read(Path.of(args[1]));
            case "write" -> write(Path.of(args[1]), Long.parseLong(args[2]));
            case "stage" -> stage(Path.of(args[1]), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("read FOLDER | write FILE CELLS | stage FOLDER ROWS");
        };
        System.out.println("BENCHMARK cells " + cells);
        System.out.println("BENCHMARK in-process-ms " + (System.nanoTime() - started) / 1_000_000);
    }

    static long stage(Path folder, long rows) throws Exception {
        String url = "jdbc:hsqldb:file:" + folder.toAbsolutePath() + "/floor;hsqldb.write_delay=false;"
                + "hsqldb.tx=mvcc;hsqldb.default_table_type=cached;shutdown=true";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "SA", "")) {
            try (java.sql.Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE staged IF EXISTS");
                ddl.execute("CREATE CACHED TABLE staged (run_id BIGINT NOT NULL, submission_id INTEGER NOT NULL, "
                        + "first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, rows_data VARBINARY(16777216) NOT NULL, "
                        + "PRIMARY KEY (run_id, submission_id, first_row))");
                ddl.execute("SET DATABASE DEFAULT RESULT MEMORY ROWS 10000");
            }
            connection.setAutoCommit(false);
            List<StagedRows.Staged> block = new java.util.ArrayList<>(2000);
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staged VALUES (?, ?, ?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    int submission = (int) (i / 30_000);
                    int row = (int) (i % 30_000) + 4;
                    block.add(new StagedRows.ModusOperandi(submission, row, "S" + submission + "_2019.xlsx!Modus operandi!B"
                            + row, 2017 + (int) (i % 5), "DRG", "Trafic de droguri",
                            "drugs hidden in trucks crossing the border at night, case " + i, null, "DR-TRUCK", "SCORED",
                            0.82, "DR-TRUCK 0.82; DR-CAR 0.41", "increasing", "u porastu", null));
                    if (block.size() == 2000 || i == rows - 1) {
                        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(RowTable.MODUS_OPERANDI, block);
                        insert.setLong(1, 1);
                        insert.setInt(2, submission);
                        insert.setInt(3, encoded.firstRow());
                        insert.setInt(4, encoded.rows());
                        insert.setBytes(5, encoded.data());
                        insert.executeUpdate();
                        connection.commit();
                        block.clear();
                    }
                }
            }
            long read = 0;
            try (java.sql.Statement select = connection.createStatement()) {
                select.setFetchSize(16);
                try (java.sql.ResultSet rs = select.executeQuery("SELECT submission_id, row_count, rows_data FROM staged")) {
                    while (rs.next()) {
                        for (StagedRows.Staged row : RowBlockCodec.readAll(RowTable.MODUS_OPERANDI, rs.getInt(1),
                                rs.getBytes(3), rs.getInt(2))) {
                            read += ((StagedRows.ModusOperandi) row).text().length() > 0 ? 1 : 0;
                        }
                    }
                }
            }
            return read;
        }
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
