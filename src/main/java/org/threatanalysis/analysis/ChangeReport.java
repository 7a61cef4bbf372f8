package org.threatanalysis.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything the change analysis found for one run: the period, who submitted which years, and
 * the histories, shifts, totals and changes. Small (aggregated), held in memory.
 *
 * @param coverage submitter to year to the revision that stands for it
 */
public record ChangeReport(int fromYear, int toYear, Map<String, Map<Integer, Integer>> coverage,
        List<PresenceRow> modusOperandi, List<PresenceRow> routes, List<RouteShift> shifts,
        List<RegionalTotal> totals, List<IndicatorChange> changes, int unmatchedModusOperandi,
        int routesNotAnalysed) {
}
