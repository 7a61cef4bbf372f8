package org.threatanalysis.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.threatanalysis.analysis.ChangeReport;
import org.threatanalysis.analysis.IndicatorAnalysis;
import org.threatanalysis.analysis.IndicatorChange;
import org.threatanalysis.analysis.PresenceRow;
import org.threatanalysis.analysis.PresenceStatus;
import org.threatanalysis.analysis.RouteShift;
import org.threatanalysis.reference.ReferenceData;

/**
 * Writes the headline changes of a report in plain words: new, re-emerged and no longer reported
 * modi operandi per crime area and year; route shifts; the largest changes in cases over the
 * period on comparable states. Each headline points at its detail row.
 */
final class Headlines {

    private static final int MAX_SHIFTS = 10;

    private Headlines() {
    }

    /**
     * In the order an analyst reads them: new modi operandi (latest year first), route shifts
     * reported by several states, re-emerged modi operandi, changes in cases, modi operandi no
     * longer reported, then shifts reported by one state.
     */
    static List<Headline> of(ChangeReport report, ReferenceData reference) {
        List<Headline> headlines = new ArrayList<>();
        modusOperandi(report, reference, headlines);
        shifts(report, reference, headlines);
        indicators(report, reference, headlines);
        List<Headline> ordered = new ArrayList<>(headlines);
        ordered.sort(Comparator.comparingInt(Headline::priority).thenComparing(h -> -h.year())
                .thenComparingInt(headlines::indexOf));
        return ordered;
    }

    private static String area(ReferenceData reference, String code) {
        return reference.crimeAreas().label(code).toLowerCase(Locale.ROOT);
    }

    private static void modusOperandi(ChangeReport report, ReferenceData reference, List<Headline> headlines) {
        List<PresenceRow> rows = report.modusOperandi();
        // New ones, grouped by crime area and year: "3 modi operandi new in 2021 in migrant smuggling: ...".
        Map<String, List<Integer>> newByAreaYear = new LinkedHashMap<>();
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            for (int i = 0; i < rows.size(); i++) {
                PresenceRow row = rows.get(i);
                if (row.isRegion() && row.statuses().get(year) == PresenceStatus.NEW) {
                    newByAreaYear.computeIfAbsent(year + "|" + row.crimeArea(), k -> new ArrayList<>()).add(i);
                }
            }
        }
        for (Map.Entry<String, List<Integer>> entry : newByAreaYear.entrySet()) {
            String[] key = entry.getKey().split("\\|");
            List<Integer> indexes = entry.getValue();
            List<String> names = new ArrayList<>();
            for (int i : indexes) {
                PresenceRow row = rows.get(i);
                int states = row.statesPerYear().get(Integer.parseInt(key[0]));
                names.add(reference.modusOperandi().label(row.key()) + " (" + row.key() + ", " + states
                        + (states == 1 ? " state)" : " states)"));
            }
            headlines.add(new Headline(indexes.size() + (indexes.size() == 1 ? " modus operandi" : " modi operandi")
                    + " new in " + key[0] + " in " + area(reference, key[1]) + ": " + String.join("; ", names),
                    ChangeSheets.MO_CHANGES, indexes.get(0) + ChangeSheets.ROW_OFFSET, 1, Integer.parseInt(key[0])));
        }
        for (int i = 0; i < rows.size(); i++) {
            PresenceRow row = rows.get(i);
            if (!row.isRegion()) {
                continue;
            }
            for (int year = report.fromYear(); year <= report.toYear(); year++) {
                PresenceStatus status = row.statuses().get(year);
                String label = reference.modusOperandi().label(row.key()) + " (" + row.key() + ")";
                if (status == PresenceStatus.RE_EMERGED) {
                    int states = row.statesPerYear().get(year);
                    headlines.add(new Headline(label + " re-emerged in " + year + " in " + area(reference, row.crimeArea())
                            + ", reported by " + states + (states == 1 ? " state" : " states") + " after "
                            + gap(row, year) + " without reports", ChangeSheets.MO_CHANGES, i + ChangeSheets.ROW_OFFSET,
                            3, year));
                } else if (status == PresenceStatus.NO_LONGER_REPORTED && row.lastYear() != null && row.lastYear() < year) {
                    boolean later = false;
                    for (int y = year + 1; y <= report.toYear(); y++) {
                        later |= row.statesPerYear().get(y) > 0;
                    }
                    if (!later) {
                        int states = row.statesPerYear().get(year - 1);
                        headlines.add(new Headline(label + " no longer reported in " + area(reference, row.crimeArea())
                                + " from " + year + " (last reported in " + (year - 1) + " by " + states
                                + (states == 1 ? " state)" : " states)"), ChangeSheets.MO_CHANGES,
                                i + ChangeSheets.ROW_OFFSET, 5, year));
                    }
                }
            }
        }
    }

    private static String gap(PresenceRow row, int year) {
        int years = 0;
        for (int y = year - 1; y >= 0 && row.statesPerYear().containsKey(y) && row.statesPerYear().get(y) == 0; y--) {
            if (row.statuses().get(y) != PresenceStatus.NO_DATA) {
                years++;
            }
        }
        return years == 1 ? "1 year" : years + " years";
    }

    private static void shifts(ChangeReport report, ReferenceData reference, List<Headline> headlines) {
        List<RouteShift> shifts = report.shifts();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> -shifts.get(i).states().size()).thenComparing(i -> i));
        for (int i : order.subList(0, Math.min(MAX_SHIFTS, order.size()))) {
            RouteShift shift = shifts.get(i);
            int states = shift.states().size();
            headlines.add(new Headline("route shift in " + area(reference, shift.crimeArea()) + " " + shift.fromYear()
                    + "\u2192" + shift.toYear() + ": " + shift.describe() + ", reported by " + states
                    + (states == 1 ? " state" : " states") + " (" + shift.beforeSequence() + " \u2192 "
                    + shift.afterSequence() + ")", ChangeSheets.ROUTE_SHIFTS, i + ChangeSheets.ROW_OFFSET,
                    states > 1 ? 2 : 6, shift.toYear()));
        }
    }

    private static void indicators(ChangeReport report, ReferenceData reference, List<Headline> headlines) {
        List<IndicatorChange> changes = report.changes();
        for (int i = 0; i < changes.size(); i++) {
            IndicatorChange change = changes.get(i);
            if (!"cases".equals(change.indicator()) || !IndicatorAnalysis.WHOLE_PERIOD.equals(change.comparison())
                    || change.changePercent() == null) {
                continue;
            }
            BigDecimal percent = BigDecimal.valueOf(change.changePercent());
            headlines.add(new Headline("cases in " + area(reference, change.crimeArea()) + " "
                    + (percent.signum() >= 0 ? "+" : "\u2212") + percent.abs().toPlainString() + "% from "
                    + change.fromYear() + " to " + change.toYear() + " on " + change.comparableStates().size()
                    + " comparable states", ChangeSheets.INDICATOR_TRENDS, i + ChangeSheets.ROW_OFFSET, 4,
                    change.toYear()));
        }
    }
}
