package org.threatanalysis.reading;

import java.time.LocalDateTime;

/**
 * One non-empty cell as it was stored in the submission: text, a number (with a flag for
 * date-formatted numbers), a boolean or an error. Formulas arrive as their cached value.
 *
 * @param column zero-based column index
 * @param kind what the cell held
 * @param text the text, or the number as Excel would show it without formatting
 * @param number the numeric value for NUMBER cells, otherwise {@code null}
 * @param date the date for date-formatted NUMBER cells, otherwise {@code null}
 */
public record CellValue(int column, Kind kind, String text, Double number, LocalDateTime date) {

    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    public static CellValue text(int column, String text) {
        return new CellValue(column, Kind.TEXT, text, null, null);
    }

    public static CellValue number(int column, double number, LocalDateTime dateOrNull) {
        return new CellValue(column, Kind.NUMBER, NumberText.plain(number), number, dateOrNull);
    }

    public static CellValue bool(int column, boolean value) {
        return new CellValue(column, Kind.BOOLEAN, value ? "TRUE" : "FALSE", null, null);
    }

    public static CellValue error(int column, String code) {
        return new CellValue(column, Kind.ERROR, code, null, null);
    }

    public boolean isBlank() {
        return kind == Kind.TEXT && Texts.isBlank(text);
    }

    public boolean isDate() {
        return date != null;
    }

    /** A copy of this value placed in another column (used when a merged cell's value is spread). */
    CellValue atColumn(int otherColumn) {
        return new CellValue(otherColumn, kind, text, number, date);
    }
}
