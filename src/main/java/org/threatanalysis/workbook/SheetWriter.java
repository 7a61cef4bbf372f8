package org.threatanalysis.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet of the consolidated workbook row by row: a styled header, then rows of typed
 * cells, streamed (see {@link StreamingWorkbook}). Keeps only the widest text per column, to size
 * the columns at the end.
 */
final class SheetWriter {

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MIN_WIDTH_CHARS = 6;
    private static final int MAX_CELL_CHARS = 32_767;

    /** Excel's most rows in one sheet. */
    static final int EXCEL_ROWS = 1_048_576;

    private final StreamingWorkbook workbook;
    private final WorkbookStyles styles;
    private final String[] headers;
    private final int maxRows;
    private final int[] widths;
    private final String baseName;
    private StreamingWorkbook.StreamedSheet sheet;
    private int sheets = 1;
    private long dataRows;
    private int nextRow;
    private boolean rowOpen;
    private int nextColumn;

    SheetWriter(StreamingWorkbook workbook, String name, WorkbookStyles styles, String... headers) {
        this(workbook, name, styles, EXCEL_ROWS, headers);
    }

    /**
     * A sheet that continues on {@code "<name> (2)"}, {@code "<name> (3)"} ... when it reaches
     * {@code maxRows} rows (header included): Excel's limit is 1,048,576.
     */
    SheetWriter(StreamingWorkbook workbook, String name, WorkbookStyles styles, int maxRows, String... headers) {
        this.workbook = workbook;
        this.baseName = name;
        this.styles = styles;
        this.headers = headers;
        this.maxRows = Math.max(2, maxRows);
        this.widths = new int[headers.length];
        start(workbook.createSheet(name));
    }

    private void start(StreamingWorkbook.StreamedSheet newSheet) {
        this.sheet = newSheet;
        this.nextRow = 0;
        sheet.startRow(nextRow++);
        int style = styles.header().getIndex();
        for (int i = 0; i < headers.length; i++) {
            sheet.text(i, headers[i], style);
            widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH_CHARS, headers[i].length() + 3));
        }
        sheet.endRow();
        synchronized (workbook) {
            sheet.placeholder().createFreezePane(0, 1);
        }
    }

    /** The name of the n-th sheet (1-based) of a sheet that continues beyond the row limit. */
    static String continuationName(String name, int n) {
        return n == 1 ? name : name + " (" + n + ")";
    }

    SheetWriter row() {
        endRow();
        if (nextRow >= maxRows) {
            finishSheet();
            sheets++;
            start(workbook.createSheetAfter(continuationName(baseName, sheets), sheet));
        }
        dataRows++;
        sheet.startRow(nextRow++);
        rowOpen = true;
        nextColumn = 0;
        return this;
    }

    private void endRow() {
        if (rowOpen) {
            sheet.endRow();
            rowOpen = false;
        }
    }

    /** Text from a submission or the job: always a text cell, quote-prefixed when it could read as a formula. */
    SheetWriter text(String value) {
        if (value != null && !value.isEmpty()) {
            String safe = value.length() > MAX_CELL_CHARS ? value.substring(0, MAX_CELL_CHARS) : value;
            CellStyle style = FormulaGuard.looksLikeFormula(safe) ? styles.quotedText() : styles.text();
            sheet.text(nextColumn, safe, style.getIndex());
            track(safe.length());
        }
        nextColumn++;
        return this;
    }

    SheetWriter integer(Number value) {
        if (value != null) {
            sheet.number(nextColumn, value.doubleValue(), styles.integer().getIndex());
            track(value.toString().length() + 2);
        }
        nextColumn++;
        return this;
    }

    SheetWriter year(Integer value) {
        if (value != null) {
            sheet.number(nextColumn, value, styles.year().getIndex());
            track(4);
        }
        nextColumn++;
        return this;
    }

    SheetWriter decimal(BigDecimal value) {
        if (value != null) {
            sheet.number(nextColumn, value.doubleValue(), styles.decimal().getIndex());
            track(value.toPlainString().length() + 3);
        }
        nextColumn++;
        return this;
    }

    SheetWriter ratio(Double value) {
        if (value != null) {
            sheet.number(nextColumn, value, styles.ratio().getIndex());
            track(5);
        }
        nextColumn++;
        return this;
    }

    SheetWriter date(LocalDate value) {
        if (value != null) {
            sheet.number(nextColumn, DateUtil.getExcelDate(value), styles.date().getIndex());
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
        endRow();
        finishSheet();
    }

    private void finishSheet() {
        // POI's model is shared by the sheets written at the same time (see StreamingWorkbook).
        synchronized (workbook) {
            for (int i = 0; i < widths.length; i++) {
                sheet.placeholder().setColumnWidth(i, widths[i] * 256);
            }
        }
        sheet.autoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, widths.length - 1));
    }
}
