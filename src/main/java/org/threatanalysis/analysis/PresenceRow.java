package org.threatanalysis.analysis;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history of one modus operandi or route in one scope (the whole region, or one member
 * state): its status and the number of states reporting it in each year, and the trends given.
 *
 * @param key the MO code, or the route's country sequence ({@code TR>BG>RS>HU>AT})
 * @param scope {@link #REGION} or the submitter's code
 */
public record PresenceRow(String crimeArea, String key, String commodity, String scope,
        Map<Integer, PresenceStatus> statuses, Map<Integer, Integer> statesPerYear, Map<String, Integer> trends) {

    public static final String REGION = "Region";

    public PresenceRow {
        statuses = Map.copyOf(statuses);
        statesPerYear = Map.copyOf(statesPerYear);
        trends = Map.copyOf(trends);
    }

    public List<Integer> yearsReported() {
        return statesPerYear.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList();
    }

    public Integer firstYear() {
        List<Integer> years = yearsReported();
        return years.isEmpty() ? null : years.get(0);
    }

    public Integer lastYear() {
        List<Integer> years = yearsReported();
        return years.isEmpty() ? null : years.get(years.size() - 1);
    }

    public boolean isRegion() {
        return REGION.equals(scope);
    }

    /** "increasing ×3, stable ×1", most frequent first. */
    public String trendSummary() {
        return trends.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " \u00d7" + e.getValue()).collect(Collectors.joining(", "));
    }
}
