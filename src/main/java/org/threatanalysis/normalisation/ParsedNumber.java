package org.threatanalysis.normalisation;

import java.math.BigDecimal;

/**
 * A figure as submitted, classified: a number, a suppressed or missing figure (kept as such,
 * never as zero), or text that is not a number.
 */
public record ParsedNumber(Status status, BigDecimal value) {

    public enum Status { NUMBER, SUPPRESSED, MISSING, INVALID }

    static ParsedNumber number(BigDecimal value) {
        return new ParsedNumber(Status.NUMBER, value);
    }

    static final ParsedNumber SUPPRESSED = new ParsedNumber(Status.SUPPRESSED, null);
    static final ParsedNumber MISSING = new ParsedNumber(Status.MISSING, null);
    static final ParsedNumber INVALID = new ParsedNumber(Status.INVALID, null);
}
