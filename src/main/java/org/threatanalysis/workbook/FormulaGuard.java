package org.threatanalysis.workbook;

/**
 * Recognises text that a spreadsheet would take for a formula once an analyst edits the cell:
 * text starting with {@code = + - @}, a tab or a carriage return, or their full-width forms.
 * Such text is written quote-prefixed so that it stays text.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
