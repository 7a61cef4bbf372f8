package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * The regional total of one indicator in one year: the sum of the standing (not superseded)
 * figures in the common unit, which states it covers, and how many figures were suppressed or
 * missing (not counted as zero).
 */
public record RegionalTotal(String crimeArea, String indicator, String commodity, String unit, int year,
        BigDecimal total, List<String> states, int suppressedOrMissing) {

    public RegionalTotal {
        states = List.copyOf(states);
    }
}
