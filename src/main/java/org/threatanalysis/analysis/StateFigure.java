package org.threatanalysis.analysis;

import java.math.BigDecimal;

/**
 * A member state's figure for one indicator series in one year, in the common unit.
 *
 * @param value the sum of its reported figures, or {@code null} when none was a number
 * @param suppressedOrMissing how many of its figures were suppressed or missing
 */
public record StateFigure(String crimeArea, String indicator, String commodity, String unit, String submitter,
        int year, BigDecimal value, int suppressedOrMissing) {
}
