package org.threatanalysis.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Nor is the <b>bare import</b>: the least any import that stages in HSQLDB does, measured on the
 * same files, to show how much of the import target the reading and staging alone take. The
 * submissions are shared among as many threads as the job imports with; each sheet is read with
 * StAX, every cell's text made a string (shared strings looked up), each row made a staged row of
 * its first cells, and the rows encoded in blocks of 2,000 (the job's chunk) into an HSQLDB CACHED
 * table with a durable commit per block. Nothing is normalised, checked or counted, and there is
 * no Spring Batch.
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
            case "import" -> bareImport(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(
                    "read FOLDER | write FILE CELLS | stage FOLDER ROWS | import FOLDER DATABASE THREADS");
        };
        System.out.println("BENCHMARK cells " + cells);
        System.out.println("BENCHMARK in-process-ms " + (System.nanoTime() - started) / 1_000_000);
    }

    static long stage(Path folder, long rows) throws Exception {
        String url = "jdbc:hsqldb:file:" + folder.toAbsolutePath() + "/floor;hsqldb.write_delay=false;"
                + "hsqldb.tx=mvcc;hsqldb.default_table_type=cached;shutdown=true";
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE staged IF EXISTS");
                ddl.execute("CREATE CACHED TABLE staged (run_id BIGINT NOT NULL, submission_id INTEGER NOT NULL, "
                        + "first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, rows_data VARBINARY(16777216) NOT NULL, "
                        + "PRIMARY KEY (run_id, submission_id, first_row))");
                ddl.execute("SET DATABASE DEFAULT RESULT MEMORY ROWS 10000");
            }
            connection.setAutoCommit(false);
            List<StagedRows.Staged> block = new ArrayList<>(2000);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staged VALUES (?, ?, ?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    int submission = (int) (i / 30_000);
                    int row = (int) (i % 30_000) + 4;
                    block.add(new StagedRows.ModusOperandi(submission, row, "S" + submission + "_2019.xlsx!Modus operandi!B"
                            + row, 2017 + (int) (i % 5), "DRG", "Trafic de droguri",
                            "drugs hidden in trucks crossing the border at night, case " + i, null, "DR-TRUCK", "SCORED",
                            0.82, "DR-TRUCK 0.82; DR-CAR 0.41", "increasing", "u porastu", null));
                    if (block.size() == 2000 || i == rows - 1) {
                        stageBlock(block, connection, insert, 1L, submission);
                    }
                }
            }
            long read = 0;
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(16);
                try (ResultSet rs = select.executeQuery("SELECT submission_id, row_count, rows_data FROM staged")) {
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

    static long bareImport(Path folder, Path database, int threads) throws Exception {
        String url = "jdbc:hsqldb:file:" + database.toAbsolutePath() + "/floor;hsqldb.write_delay=false;"
                + "hsqldb.tx=mvcc;hsqldb.default_table_type=cached";
        List<Path> files = xlsxFiles(folder);
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE CACHED TABLE staged (submission_id INTEGER NOT NULL, sheet VARCHAR(100) NOT NULL, "
                    + "first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, rows_data VARBINARY(16777216) NOT NULL, "
                    + "PRIMARY KEY (submission_id, sheet, first_row))");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long rows = 0;
                XMLInputFactory factory = XMLInputFactory.newInstance();
                try (Connection connection = DriverManager.getConnection(url, "SA", "");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO staged VALUES (?, ?, ?, ?, ?)")) {
                    connection.setAutoCommit(false);
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        rows += stageFile(i, files.get(i), factory, connection, insert);
                    }
                }
                return rows;
            }));
        }
        long rows = 0;
        for (Future<Long> worker : workers) {
            rows += worker.get();
        }
        pool.shutdown();
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
        return rows;
    }

    /** One submission of the bare import: its rows staged, sheet by sheet. */
    private static long stageFile(int submission, Path file, XMLInputFactory factory, Connection connection,
            PreparedStatement insert) throws Exception {
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = new ArrayList<>();
            ZipEntry table = zip.getEntry("xl/sharedStrings.xml");
            if (table != null) {
                try (InputStream in = zip.getInputStream(table)) {
                    XMLStreamReader xml = factory.createXMLStreamReader(in);
                    StringBuilder text = new StringBuilder();
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.CHARACTERS) {
                            text.append(xml.getText());
                        } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(xml.getLocalName())) {
                            shared.add(text.toString());
                            text.setLength(0);
                        }
                    }
                }
            }
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().startsWith("xl/worksheets/sheet")) {
                    continue;
                }
                List<StagedRows.Staged> block = new ArrayList<>(2000);
                String source = file.getFileName() + "!" + entry.getName() + "!";
                try (InputStream in = zip.getInputStream(entry)) {
                    XMLStreamReader xml = factory.createXMLStreamReader(in);
                    String[] cells = new String[10];
                    int column = 0;
                    int sheetRow = 0;
                    String type = null;
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            String name = xml.getLocalName();
                            if (name.equals("row")) {
                                Arrays.fill(cells, null);
                                column = 0;
                                sheetRow++;
                            } else if (name.equals("c")) {
                                type = xml.getAttributeValue(null, "t");
                            } else if (name.equals("v") || name.equals("t")) {
                                String value = xml.getElementText();
                                if (column < cells.length) {
                                    cells[column++] = "s".equals(type) ? shared.get(Integer.parseInt(value)) : value;
                                }
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                            block.add(new StagedRows.ModusOperandi(submission, sheetRow, source + "A" + sheetRow, 2017,
                                    cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], 0.5, cells[6], cells[7],
                                    cells[8], cells[9]));
                            rows++;
                            if (block.size() == 2000) {
                                stageBlock(block, connection, insert, submission, entry.getName());
                            }
                        }
                    }
                    xml.close();
                }
                if (!block.isEmpty()) {
                    stageBlock(block, connection, insert, submission, entry.getName());
                }
            }
        }
        return rows;
    }

    /** Encodes the rows into a block, inserts it after the given key columns and commits, durably. */
    private static void stageBlock(List<StagedRows.Staged> block, Connection connection, PreparedStatement insert,
            Object... key) throws Exception {
        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(RowTable.MODUS_OPERANDI, block);
        for (int i = 0; i < key.length; i++) {
            insert.setObject(i + 1, key[i]);
        }
        insert.setInt(key.length + 1, encoded.firstRow());
        insert.setInt(key.length + 2, encoded.rows());
        insert.setBytes(key.length + 3, encoded.data());
        insert.executeUpdate();
        connection.commit();
        block.clear();
    }

    private static List<Path> xlsxFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    static long read(Path folder) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        long cells = 0;
        for (Path file : xlsxFiles(folder)) {
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
