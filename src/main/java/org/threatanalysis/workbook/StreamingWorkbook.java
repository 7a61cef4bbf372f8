package org.threatanalysis.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The consolidated workbook: the overview (charts, links, a few dozen rows) lives in POI's XSSF
 * model, and every other sheet streams its rows as sheet XML straight to a temporary file, one
 * row at a time, without a cell object in between. {@link #write} then copies POI's package and
 * puts each streamed sheet's rows in place of its empty {@code <sheetData/>}, deflating each
 * sheet once at level 1, several sheets at a time.
 *
 * <p>This is how POI's SXSSF works too; writing the XML directly is about three times faster for
 * the million-row sheets of a case-level consolidation. Column widths, the frozen header and the
 * filter are set on the sheet's (empty) XSSF counterpart, so they are POI's XML.
 *
 * <p>Sheets may be streamed from several threads at once, one thread per sheet. POI's model is
 * not thread-safe: whatever changes it (creating sheets, panes, widths, filters) holds this
 * object's lock.
 */
final class StreamingWorkbook implements Closeable {

    private final XSSFWorkbook template;
    private final Path tempFolder;
    private final List<StreamedSheet> sheets = new ArrayList<>();
    private final Map<String, StreamedSheet> reserved = new HashMap<>();

    StreamingWorkbook(XSSFWorkbook template, Path tempFolder) {
        this.template = template;
        this.tempFolder = tempFolder;
    }

    /** The writer's own temporary folder, emptied before each workbook. */
    Path tempFolder() {
        return tempFolder;
    }

    /**
     * Creates a sheet now, in this place among the sheets, to be filled later (by name, with
     * {@link #createSheet}): lets sheets be filled in another order than they are shown.
     */
    synchronized void reserveSheet(String name) {
        reserved.put(name, newSheet(name));
    }

    /** The sheet reserved under this name, or a new sheet after the existing ones. */
    synchronized StreamedSheet createSheet(String name) {
        StreamedSheet sheet = reserved.remove(name);
        return sheet != null ? sheet : newSheet(name);
    }

    /** A new sheet placed right after another: the continuation of a sheet beyond Excel's row limit. */
    synchronized StreamedSheet createSheetAfter(String name, StreamedSheet previous) {
        StreamedSheet sheet = newSheet(name);
        template.setSheetOrder(name, template.getSheetIndex(previous.placeholder()) + 1);
        return sheet;
    }

    private StreamedSheet newSheet(String name) {
        XSSFSheet placeholder = template.createSheet(name);
        try {
            Path rows = Files.createTempFile(tempFolder, "sheet-rows-", ".deflated");
            StreamedSheet sheet = new StreamedSheet(placeholder, rows);
            sheets.add(sheet);
            return sheet;
        } catch (IOException e) {
            throw new UncheckedIOException("A temporary file for sheet '" + name + "' cannot be created in "
                    + tempFolder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the whole workbook as one {@code .xlsx} package: POI's parts as they are, and each
     * streamed sheet's XML as it was deflated while its rows were written (on the writer's
     * threads; compression is most of packaging's cost), between its deflated first and last
     * parts, copied into the package as they are.
     */
    void write(OutputStream out) throws IOException {
        Map<String, StreamedSheet> byPart = new HashMap<>();
        for (StreamedSheet sheet : sheets) {
            sheet.finishRows();
            byPart.put(sheet.placeholder.getPackagePart().getPartName().getName().substring(1), sheet);
        }
        // Each filter is a defined name in the workbook part, listed in the order the filters are
        // set; sheets written side by side finish in any order, so they are set here, in sheet order.
        sheets.stream().filter(sheet -> sheet.autoFilter != null)
                .sorted(Comparator.comparingInt(sheet -> template.getSheetIndex(sheet.placeholder)))
                .forEach(sheet -> sheet.placeholder.setAutoFilter(sheet.autoFilter));
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
        template.write(skeleton);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
            ZipEntry part;
            while ((part = in.getNextEntry()) != null) {
                parts.put(part.getName(), in.readAllBytes());
            }
        }
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        zip.setEncoding(StandardCharsets.UTF_8.name());
        zip.setUseZip64(Zip64Mode.AsNeeded);
        // Level 1: most of a writer's time is compression, and level 1 costs half of the default
        // for a file a few percent larger.
        zip.setLevel(Deflater.BEST_SPEED);
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            StreamedSheet sheet = byPart.get(part.getKey());
            if (sheet == null) {
                zip.putArchiveEntry(new ZipArchiveEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeArchiveEntry();
            } else {
                DeflatedPart done = sheet.deflatedPart(new String(part.getValue(), StandardCharsets.UTF_8));
                ZipArchiveEntry entry = new ZipArchiveEntry(part.getKey());
                entry.setMethod(ZipArchiveEntry.DEFLATED);
                entry.setCrc(done.crc());
                entry.setSize(done.size());
                entry.setCompressedSize(done.head().length + Files.size(done.rows()) + done.tail().length);
                try (InputStream raw = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new ByteArrayInputStream(done.head()), Files.newInputStream(done.rows()),
                        new ByteArrayInputStream(done.tail()))))) {
                    zip.addRawArchiveEntry(entry, raw);
                }
            }
        }
        // Closes the caller's stream too, and frees the deflater.
        zip.close();
    }

    /**
     * A sheet's whole XML as raw deflate data in three pieces, one after the other (each of the
     * first two ends with a sync flush, so they join into one stream), and what the zip entry
     * needs to know of the whole.
     */
    record DeflatedPart(byte[] head, Path rows, byte[] tail, long crc, long size) {
    }

    /** Removes the temporary files. */
    @Override
    public void close() throws IOException {
        for (StreamedSheet sheet : sheets) {
            sheet.discard();
        }
    }

    /** One streamed sheet: rows are appended as XML, in order. */
    static final class StreamedSheet {

        private static final String EMPTY_DATA = "<sheetData/>";

        private final XSSFSheet placeholder;
        private final Path rowsFile;
        /**
         * The rows' XML, encoded to UTF-8 here (a Writer costs a lock and a copy per markup piece)
         * and deflated as it is written, with its CRC and length kept for the zip entry.
         */
        private OutputStream rows;
        private final OutputStream rowsFileOut;
        private final Deflater rowsDeflater = new Deflater(Deflater.BEST_SPEED, true);
        private final CRC32 rowsCrc = new CRC32();
        private long rowsSize;
        private final byte[] buffer = new byte[1 << 16];
        private int buffered;
        private String rowNumber;
        private int lastRow = -1;
        private int lastColumn = -1;
        /** The column of the row's last cell so far (-1 before its first). */
        private int columnInRow = -1;
        private final List<String> columnNames = new ArrayList<>();
        /** The filter's range, set on the placeholder when the workbook is written. */
        private CellRangeAddress autoFilter;

        StreamedSheet(XSSFSheet placeholder, Path rowsFile) throws IOException {
            this.placeholder = placeholder;
            this.rowsFile = rowsFile;
            this.rowsFileOut = new java.io.BufferedOutputStream(Files.newOutputStream(rowsFile), 1 << 16);
            // Sync flush at the end instead of finishing: the sheet's last part follows.
            this.rows = new DeflaterOutputStream(rowsFileOut, rowsDeflater, 1 << 16, true);
        }

        /** The sheet in POI's model, without rows: for widths, panes, filters and its name. */
        XSSFSheet placeholder() {
            return placeholder;
        }

        /** Filters the sheet over this range (header included). */
        void autoFilter(CellRangeAddress range) {
            this.autoFilter = range;
        }

        /** Starts row {@code index} (zero-based); the previous row, if any, must be ended. */
        void startRow(int index) {
            lastRow = Math.max(lastRow, index);
            rowNumber = Integer.toString(index + 1);
            columnInRow = -1;
            write("<row r=\"");
            write(rowNumber);
            write("\">");
        }

        void endRow() {
            write("</row>");
        }

        /** An inline-string cell; the text must fit a cell (32,767 characters). */
        void text(int column, String text, int style) {
            cellStart(column, style);
            write(" t=\"inlineStr\"><is><t");
            if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                write(" xml:space=\"preserve\"");
            }
            write(">");
            writeEscaped(text);
            write("</t></is></c>");
        }

        void number(int column, double value, int style) {
            cellStart(column, style);
            write("><v>");
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                write(Long.toString((long) value));
            } else {
                write(Double.toString(value));
            }
            write("</v></c>");
        }

        private void cellStart(int column, int style) {
            lastColumn = Math.max(lastColumn, column);
            if (column == columnInRow + 1) {
                // The reference of a cell right after the previous one may be left out (ECMA-376
                // 18.3.1.4): a fifth of the sheet's XML, written and deflated for nothing.
                write("<c");
            } else {
                write("<c r=\"");
                write(columnName(column));
                write(rowNumber);
                write("\"");
            }
            columnInRow = column;
            if (style > 0) {
                write(style < STYLE_ATTRIBUTES.length ? STYLE_ATTRIBUTES[style] : " s=\"" + style + "\"");
            }
        }

        /** {@code  s="n"} for the first style indexes, written for nearly every cell. */
        private static final String[] STYLE_ATTRIBUTES = new String[256];

        static {
            for (int i = 0; i < STYLE_ATTRIBUTES.length; i++) {
                STYLE_ATTRIBUTES[i] = " s=\"" + i + "\"";
            }
        }

        private String columnName(int column) {
            while (columnNames.size() <= column) {
                columnNames.add(CellReference.convertNumToColString(columnNames.size()));
            }
            return columnNames.get(column);
        }

        /**
         * XML-escapes text and encodes it to UTF-8 in one pass. Characters XML cannot carry become
         * '?', as in POI; a literal {@code _xHHHH_} is escaped so that Excel does not read it as an
         * escaped character. Plain ASCII, nearly all of a submission's text, takes one table look-up.
         */
        private void writeEscaped(String text) {
            int length = text.length();
            byte[] out = buffer;
            int at = buffered;
            for (int i = 0; i < length; i++) {
                if (at > out.length - 8) {
                    buffered = at;
                    flushBuffer();
                    at = 0;
                }
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (!ASCII_NEEDS_CARE[c]) {
                        out[at++] = (byte) c;
                        continue;
                    }
                    buffered = at;
                    if (c == '<') {
                        write("&lt;");
                    } else if (c == '>') {
                        write("&gt;");
                    } else if (c == '&') {
                        write("&amp;");
                    } else if (c == '_') {
                        write(isEscapeSequence(text, i) ? "_x005F_" : "_");
                    } else {
                        write("?"); // a control character XML 1.0 cannot carry
                    }
                    at = buffered;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(++i));
                        out[at++] = (byte) (0xF0 | (codePoint >> 18));
                        out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                        out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                        out[at++] = (byte) (0x80 | (codePoint & 0x3F));
                    } else {
                        out[at++] = '?'; // a lone surrogate
                    }
                } else if (c == 0xFFFE || c == 0xFFFF) {
                    out[at++] = '?';
                } else {
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            buffered = at;
        }

        /** ASCII characters that {@link #writeEscaped} does not copy as they are. */
        private static final boolean[] ASCII_NEEDS_CARE = new boolean[0x80];

        static {
            for (char c = 0; c < 0x20; c++) {
                ASCII_NEEDS_CARE[c] = c != '\t' && c != '\n' && c != '\r';
            }
            ASCII_NEEDS_CARE['<'] = true;
            ASCII_NEEDS_CARE['>'] = true;
            ASCII_NEEDS_CARE['&'] = true;
            ASCII_NEEDS_CARE['_'] = true;
        }

        private static boolean isEscapeSequence(String text, int at) {
            if (at + 6 >= text.length() || text.charAt(at + 1) != 'x' || text.charAt(at + 6) != '_') {
                return false;
            }
            for (int i = at + 2; i < at + 6; i++) {
                if (Character.digit(text.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        /** Writes markup: element names, attributes, numbers, column names, all ASCII. */
        private void write(String markup) {
            byte[] out = buffer;
            int at = buffered;
            for (int i = 0, length = markup.length(); i < length; i++) {
                if (at == out.length) {
                    buffered = at;
                    flushBuffer();
                    at = 0;
                }
                char c = markup.charAt(i);
                if (c >= 0x80) {
                    throw new IllegalArgumentException("Sheet markup must be ASCII (text goes through writeEscaped)");
                }
                out[at++] = (byte) c;
            }
            buffered = at;
        }

        private void flushBuffer() {
            try {
                rowsCrc.update(buffer, 0, buffered);
                rowsSize += buffered;
                rows.write(buffer, 0, buffered);
                buffered = 0;
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the rows of sheet '" + placeholder.getSheetName()
                        + "' to " + rowsFile + " failed: " + e.getMessage(), e);
            }
        }

        void finishRows() throws IOException {
            if (rows != null) {
                try {
                    flushBuffer();
                    rows.flush(); // a sync flush: byte-aligned, not the stream's last block
                } finally {
                    rows = null;
                    rowsDeflater.end();
                    rowsFileOut.close();
                }
            }
        }

        /**
         * POI's XML of the empty sheet with the streamed rows in place of its empty sheet data,
         * and the used range in its dimension: the parts before and after the rows are deflated
         * here (they are small), the rows were deflated as they were written.
         */
        DeflatedPart deflatedPart(String skeleton) throws IOException {
            if (lastRow >= 0 && lastColumn >= 0) {
                skeleton = skeleton.replace("<dimension ref=\"A1\"/>", "<dimension ref=\"A1:"
                        + CellReference.convertNumToColString(lastColumn) + (lastRow + 1) + "\"/>");
            }
            int at = skeleton.indexOf(EMPTY_DATA);
            if (at < 0) {
                throw new IllegalStateException("The XML of sheet '" + placeholder.getSheetName()
                        + "' has no empty <sheetData/> to fill");
            }
            byte[] head = (skeleton.substring(0, at) + "<sheetData>").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("</sheetData>" + skeleton.substring(at + EMPTY_DATA.length())).getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(head);
            long headCrc = crc.getValue();
            crc.reset();
            crc.update(tail);
            long whole = Crc32Combine.combine(Crc32Combine.combine(headCrc, rowsCrc.getValue(), rowsSize),
                    crc.getValue(), tail.length);
            return new DeflatedPart(deflated(head, false), rowsFile, deflated(tail, true), whole,
                    head.length + rowsSize + tail.length);
        }

        /** Raw deflate data: ending with a sync flush, or with the stream's last block. */
        private static byte[] deflated(byte[] data, boolean last) {
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                deflater.setInput(data);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                if (last) {
                    deflater.finish();
                    while (!deflater.finished()) {
                        out.write(chunk, 0, deflater.deflate(chunk));
                    }
                } else {
                    int n;
                    do {
                        n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                        out.write(chunk, 0, n);
                    } while (n == chunk.length);
                }
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        }

        void discard() throws IOException {
            finishRows();
            Files.deleteIfExists(rowsFile);
        }
    }
}
