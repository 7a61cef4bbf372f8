package org.threatanalysis.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet of the consolidated workbook row by row: a styled header, then rows of typed
 * cells. Keeps only the widest text per column, to size the columns at the end; the sheet itself
 * streams to disk.
 */
final class SheetWriter {

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MIN_WIDTH_CHARS = 6;

    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final int[] widths;
    private int nextRow;
    private Row row;
    private int nextColumn;

    SheetWriter(Sheet sheet, WorkbookStyles styles, String... headers) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = new int[headers.length];
        Row header = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(styles.header());
            widths[i] = Math.max(MIN_WIDTH_CHARS, headers[i].length() + 3);
        }
        sheet.createFreezePane(0, 1);
    }

    SheetWriter row() {
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

    int dataRows() {
        return nextRow - 1;
    }

    void finish() {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, widths.length - 1));
    }
}
