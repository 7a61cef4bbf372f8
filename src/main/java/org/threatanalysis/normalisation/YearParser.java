package org.threatanalysis.normalisation;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.Texts;

/** Reads a year from a number ({@code 2019}), text ({@code "2019"}, {@code "2019."}) or a date cell. */
public final class YearParser {

    private static final Pattern YEAR_TEXT = Pattern.compile("^\\s*(?:year\\s*)?((?:19|20)\\d{2})\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TEXT = Pattern.compile(
            "^\\s*(?:\\d{1,2}[./-]\\d{1,2}[./-]((?:19|20)\\d{2})|((?:19|20)\\d{2})-\\d{1,2}-\\d{1,2})\\.?\\s*$");

    private YearParser() {
    }

    public static OptionalInt parse(CellValue cell) {
        if (cell == null) {
            return OptionalInt.empty();
        }
        if (cell.isDate()) {
            return OptionalInt.of(cell.date().getYear());
        }
        if (cell.kind() == CellValue.Kind.NUMBER) {
            double n = cell.number();
            if (n == Math.rint(n) && n >= 1900 && n <= 2100) {
                return OptionalInt.of((int) n);
            }
            return OptionalInt.empty();
        }
        return parse(cell.text());
    }

    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        text = Texts.strip(text);
        Matcher year = YEAR_TEXT.matcher(text);
        if (year.matches()) {
            return OptionalInt.of(Integer.parseInt(year.group(1)));
        }
        Matcher date = DATE_TEXT.matcher(text);
        if (date.matches()) {
            return OptionalInt.of(Integer.parseInt(date.group(1) != null ? date.group(1) : date.group(2)));
        }
        return OptionalInt.empty();
    }
}
