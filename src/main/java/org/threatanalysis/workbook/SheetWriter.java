package org.threatanalysis.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet of the consolidated workbook row by row: a styled header, then rows of typed
 * cells. Keeps only the widest text per column, to size the columns at the end; the sheet itself
 * streams to disk.
 */
final class SheetWriter {

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MIN_WIDTH_CHARS = 6;

    /** Excel's most rows in one sheet. */
    static final int EXCEL_ROWS = 1_048_576;

    private final Workbook workbook;
    private final WorkbookStyles styles;
    private final String[] headers;
    private final int maxRows;
    private final int[] widths;
    private Sheet sheet;
    private String baseName;
    private int sheets = 1;
    private long dataRows;
    private int nextRow;
    private Row row;
    private int nextColumn;

    SheetWriter(Sheet sheet, WorkbookStyles styles, String... headers) {
        this(sheet, null, styles, EXCEL_ROWS, headers);
    }

    /**
     * A sheet that continues on {@code "<name> (2)"}, {@code "<name> (3)"} ... when it reaches
     * {@code maxRows} rows (header included): Excel's limit is 1,048,576.
     */
    SheetWriter(Workbook workbook, String name, WorkbookStyles styles, int maxRows, String... headers) {
        this(workbook.createSheet(name), workbook, styles, maxRows, headers);
        this.baseName = name;
    }

    private SheetWriter(Sheet sheet, Workbook workbook, WorkbookStyles styles, int maxRows, String... headers) {
        this.workbook = workbook;
        this.styles = styles;
        this.headers = headers;
        this.maxRows = Math.max(2, maxRows);
        this.widths = new int[headers.length];
        start(sheet);
    }

    private void start(Sheet newSheet) {
        this.sheet = newSheet;
        this.nextRow = 0;
        Row header = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(styles.header());
            widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH_CHARS, headers[i].length() + 3));
        }
        sheet.createFreezePane(0, 1);
    }

    /** The name of the n-th sheet (1-based) of a sheet that continues beyond the row limit. */
    static String continuationName(String name, int n) {
        return n == 1 ? name : name + " (" + n + ")";
    }

    SheetWriter row() {
        if (nextRow >= maxRows) {
            if (workbook == null) {
                throw new IllegalStateException("Sheet '" + sheet.getSheetName() + "' is full (" + maxRows + " rows)");
            }
            finishSheet();
            sheets++;
            start(workbook.createSheet(continuationName(baseName, sheets)));
        }
        dataRows++;
        row = sheet.createRow(nextRow++);
        nextColumn = 0;
        return this;
    }

    /** Text from a submission or the job: always a text cell, quote-prefixed when it could read as a formula. */
    SheetWriter text(String value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null && !value.isEmpty()) {
            String safe = value.length() > 32_767 ? value.substring(0, 32_767) : value;
            cell.setCellValue(safe);
            cell.setCellStyle(FormulaGuard.looksLikeFormula(safe) ? styles.quotedText() : styles.text());
            track(safe.length());
        }
        nextColumn++;
        return this;
    }

    SheetWriter integer(Number value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(styles.integer());
            track(value.toString().length() + 2);
        }
        nextColumn++;
        return this;
    }

    SheetWriter year(Integer value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(styles.year());
            track(4);
        }
        nextColumn++;
        return this;
    }

    SheetWriter decimal(BigDecimal value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(styles.decimal());
            track(value.toPlainString().length() + 3);
        }
        nextColumn++;
        return this;
    }

    SheetWriter ratio(Double value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(styles.ratio());
            track(5);
        }
        nextColumn++;
        return this;
    }

    SheetWriter date(LocalDate value) {
        Cell cell = row.createCell(nextColumn);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(styles.date());
            track(10);
        }
        nextColumn++;
        return this;
    }

    private void track(int length) {
        if (nextColumn < widths.length) {
            widths[nextColumn] = Math.min(MAX_WIDTH_CHARS, Math.max(widths[nextColumn], length + 2));
        }
    }

    long dataRows() {
        return dataRows;
    }

    void finish() {
        finishSheet();
    }

    private void finishSheet() {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, widths.length - 1));
    }
}
