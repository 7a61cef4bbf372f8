package org.threatanalysis.reading;

import java.math.BigDecimal;

/** Renders numeric cell values as plain text (no exponent, no trailing ".0"). */
public final class NumberText {

    private NumberText() {
    }

    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
