package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * A change of an indicator between two years, computed on the member states that reported a
 * figure in both (the comparable states), beside the totals of all reporting states.
 *
 * @param comparison {@code year on year} or {@code whole period}
 * @param changePercent change of the comparable total in percent, or {@code null} when the
 *     earlier comparable total is zero or there is no comparable state
 */
public record IndicatorChange(String crimeArea, String indicator, String commodity, String unit, String comparison,
        int fromYear, int toYear, BigDecimal totalFrom, BigDecimal totalTo, int statesFrom, int statesTo,
        List<String> comparableStates, BigDecimal comparableFrom, BigDecimal comparableTo, Double changePercent,
        String note) {

    public IndicatorChange {
        comparableStates = List.copyOf(comparableStates);
    }

    public BigDecimal change() {
        return comparableFrom == null || comparableTo == null ? null : comparableTo.subtract(comparableFrom);
    }
}
