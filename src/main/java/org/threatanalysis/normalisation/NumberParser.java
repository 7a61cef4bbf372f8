package org.threatanalysis.normalisation;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.Texts;
import org.threatanalysis.reference.TextFolding;

/**
 * Reads figures that arrive as numbers or as text with either decimal separator and with
 * thousands separators ({@code 1.234,5}, {@code 1,234.5}, {@code 1 234}).
 *
 * <p>Rule for a single separator kind: several occurrences are thousands separators; one
 * occurrence followed by exactly three digits, after a non-zero integer part of at most three
 * digits, is a thousands separator too (counts and seizures are mostly whole numbers, and
 * {@code 1.234} from a Balkan submission means one thousand two hundred thirty-four); anything
 * else is the decimal separator.
 */
public final class NumberParser {

    private static final java.util.regex.Pattern BELOW_THRESHOLD = java.util.regex.Pattern.compile("[<≤]\\s*\\d+");

    private final Set<String> suppressedMarkers;

    public NumberParser(Set<String> suppressedMarkers) {
        this.suppressedMarkers = suppressedMarkers;
    }

    public ParsedNumber parse(CellValue cell) {
        if (cell == null || cell.isBlank()) {
            return ParsedNumber.MISSING;
        }
        if (cell.kind() == CellValue.Kind.NUMBER) {
            return ParsedNumber.number(BigDecimal.valueOf(cell.number()).stripTrailingZeros());
        }
        if (cell.kind() == CellValue.Kind.ERROR) {
            return ParsedNumber.INVALID;
        }
        return parse(cell.text());
    }

    public ParsedNumber parse(String raw) {
        String text = raw == null ? "" : Texts.strip(raw);
        if (text.isEmpty()) {
            return ParsedNumber.MISSING;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (suppressedMarkers.contains(lower) || suppressedMarkers.contains(TextFolding.fold(text))
                || BELOW_THRESHOLD.matcher(lower).matches()) {
            return ParsedNumber.SUPPRESSED;
        }
        BigDecimal value = parseDecimal(text);
        return value == null ? ParsedNumber.INVALID : ParsedNumber.number(value);
    }

    static BigDecimal parseDecimal(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        boolean negative = false;
        int dots = 0;
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '.' || c == ',') {
                digits.append(c);
                if (c == '.') {
                    dots++;
                } else {
                    commas++;
                }
            } else if ((c == '-' || c == '\u2212') && digits.length() == 0 && !negative) {
                negative = true;
            } else if (c == '+' && digits.length() == 0) {
                continue;
            } else if (Character.isSpaceChar(c) || c == '\'' || c == '\u2019') {
                continue;
            } else {
                return null;
            }
        }
        String s = digits.toString();
        if (s.isEmpty() || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) {
            return null;
        }
        String normalised;
        if (dots > 0 && commas > 0) {
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            if (count(s, decimal) > 1) {
                return null;
            }
            normalised = s.replace(String.valueOf(thousands), "").replace(decimal, '.');
        } else if (dots + commas == 0) {
            normalised = s;
        } else {
            char separator = dots > 0 ? '.' : ',';
            int occurrences = dots + commas;
            int at = s.indexOf(separator);
            boolean thousands = occurrences > 1
                    || (s.length() - at - 1 == 3 && at <= 3 && s.charAt(0) != '0');
            if (thousands) {
                if (!validThousands(s, separator)) {
                    return null;
                }
                normalised = s.replace(String.valueOf(separator), "");
            } else {
                normalised = s.replace(separator, '.');
            }
        }
        try {
            BigDecimal value = new BigDecimal(normalised);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean validThousands(String s, char separator) {
        String[] groups = s.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
