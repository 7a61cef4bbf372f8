package org.threatanalysis.workbook;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The consolidated workbook: the overview (charts, links, a few dozen rows) lives in POI's XSSF
 * model, and every other sheet streams its rows as sheet XML straight to a temporary file, one
 * row at a time, without a cell object in between. {@link #write} then copies POI's package and
 * puts each streamed sheet's rows in place of its empty {@code <sheetData/>}, deflating once at
 * level 1.
 *
 * <p>This is how POI's SXSSF works too; writing the XML directly is about three times faster for
 * the million-row sheets of a case-level consolidation. Column widths, the frozen header and the
 * filter are set on the sheet's (empty) XSSF counterpart, so they are POI's XML.
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

    XSSFWorkbook template() {
        return template;
    }

    /**
     * Creates a sheet now, in this place among the sheets, to be filled later (by name, with
     * {@link #createSheet}): lets sheets be filled in another order than they are shown.
     */
    void reserveSheet(String name) {
        reserved.put(name, newSheet(name));
    }

    /** The sheet reserved under this name, or a new sheet after the existing ones. */
    StreamedSheet createSheet(String name) {
        StreamedSheet sheet = reserved.remove(name);
        return sheet != null ? sheet : newSheet(name);
    }

    /** A new sheet placed right after another: the continuation of a sheet beyond Excel's row limit. */
    StreamedSheet createSheetAfter(String name, StreamedSheet previous) {
        StreamedSheet sheet = newSheet(name);
        template.setSheetOrder(name, template.getSheetIndex(previous.placeholder()) + 1);
        return sheet;
    }

    private StreamedSheet newSheet(String name) {
        XSSFSheet placeholder = template.createSheet(name);
        try {
            Path rows = Files.createTempFile(tempFolder, "sheet-", ".xml");
            StreamedSheet sheet = new StreamedSheet(placeholder, rows);
            sheets.add(sheet);
            return sheet;
        } catch (IOException e) {
            throw new UncheckedIOException("A temporary file for sheet '" + name + "' cannot be created in "
                    + tempFolder + ": " + e.getMessage(), e);
        }
    }

    /** Writes the whole workbook as one {@code .xlsx} package. */
    void write(OutputStream out) throws IOException {
        Map<String, StreamedSheet> byPart = new HashMap<>();
        for (StreamedSheet sheet : sheets) {
            sheet.finishRows();
            byPart.put(sheet.placeholder.getPackagePart().getPartName().getName().substring(1), sheet);
        }
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
        template.write(skeleton);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Level 1: most of a writer's time is compression, and level 1 costs half of the default
        // for a file a few percent larger.
        zip.setLevel(Deflater.BEST_SPEED);
        try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
            ZipEntry part;
            while ((part = parts.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(part.getName()));
                StreamedSheet sheet = byPart.get(part.getName());
                if (sheet == null) {
                    parts.transferTo(zip);
                } else {
                    sheet.writeInto(new String(parts.readAllBytes(), StandardCharsets.UTF_8), zip);
                }
                zip.closeEntry();
            }
        }
        zip.finish();
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
        private Writer rows;
        private String rowNumber;
        private int lastRow = -1;
        private int lastColumn = -1;
        private final List<String> columnNames = new ArrayList<>();

        StreamedSheet(XSSFSheet placeholder, Path rowsFile) throws IOException {
            this.placeholder = placeholder;
            this.rowsFile = rowsFile;
            this.rows = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(rowsFile),
                    StandardCharsets.UTF_8), 1 << 16);
        }

        /** The sheet in POI's model, without rows: for widths, panes, filters and its name. */
        XSSFSheet placeholder() {
            return placeholder;
        }

        /** Starts row {@code index} (zero-based); the previous row, if any, must be ended. */
        void startRow(int index) {
            lastRow = Math.max(lastRow, index);
            rowNumber = Integer.toString(index + 1);
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
            write("<c r=\"");
            write(columnName(column));
            write(rowNumber);
            write("\"");
            if (style > 0) {
                write(" s=\"");
                write(Integer.toString(style));
                write("\"");
            }
        }

        private String columnName(int column) {
            while (columnNames.size() <= column) {
                columnNames.add(CellReference.convertNumToColString(columnNames.size()));
            }
            return columnNames.get(column);
        }

        /**
         * XML-escapes text. Characters XML cannot carry become '?', as in POI; a literal
         * {@code _xHHHH_} is escaped so that Excel does not read it as an escaped character.
         */
        private void writeEscaped(String text) {
            int length = text.length();
            int start = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                String replacement = null;
                if (c == '<') {
                    replacement = "&lt;";
                } else if (c == '>') {
                    replacement = "&gt;";
                } else if (c == '&') {
                    replacement = "&amp;";
                } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                    replacement = "?";
                } else if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (paired) {
                        i++;
                        continue;
                    }
                    replacement = "?";
                } else if (c == '_' && isEscapeSequence(text, i)) {
                    replacement = "_x005F_";
                }
                if (replacement != null) {
                    writeRange(text, start, i);
                    write(replacement);
                    start = i + 1;
                }
            }
            writeRange(text, start, length);
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

        private void write(String text) {
            writeRange(text, 0, text.length());
        }

        private void writeRange(String text, int from, int to) {
            if (to <= from) {
                return;
            }
            try {
                rows.write(text, from, to - from);
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the rows of sheet '" + placeholder.getSheetName()
                        + "' to " + rowsFile + " failed: " + e.getMessage(), e);
            }
        }

        void finishRows() throws IOException {
            if (rows != null) {
                rows.close();
                rows = null;
            }
        }

        /**
         * POI's XML of the empty sheet with the streamed rows in place of its empty sheet data,
         * and the used range in its dimension.
         */
        void writeInto(String skeleton, OutputStream out) throws IOException {
            if (lastRow >= 0 && lastColumn >= 0) {
                skeleton = skeleton.replace("<dimension ref=\"A1\"/>", "<dimension ref=\"A1:"
                        + CellReference.convertNumToColString(lastColumn) + (lastRow + 1) + "\"/>");
            }
            int at = skeleton.indexOf(EMPTY_DATA);
            if (at < 0) {
                throw new IllegalStateException("The XML of sheet '" + placeholder.getSheetName()
                        + "' has no empty <sheetData/> to fill");
            }
            out.write(skeleton.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.write("<sheetData>".getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(rowsFile)) {
                in.transferTo(out);
            }
            out.write("</sheetData>".getBytes(StandardCharsets.UTF_8));
            out.write(skeleton.substring(at + EMPTY_DATA.length()).getBytes(StandardCharsets.UTF_8));
        }

        void discard() throws IOException {
            finishRows();
            Files.deleteIfExists(rowsFile);
        }
    }
}
