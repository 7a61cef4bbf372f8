package org.threatanalysis.reading;

/**
 * Whitespace as submissions have it: text pasted from web pages carries no-break spaces
 * (U+00A0, U+2007, U+202F), which {@link String#strip()} and {@link String#isBlank()} keep.
 */
public final class Texts {

    private Texts() {
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Strips every kind of space from both ends. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
