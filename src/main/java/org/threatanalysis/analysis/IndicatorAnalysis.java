package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Regional totals per crime area, indicator, commodity, unit and year, and their changes. A state
 * that did not report a year must not look like a drop to zero: every change is computed on the
 * comparable states, those with a figure in both years, and the note says when coverage differs.
 */
public final class IndicatorAnalysis {

    public static final String YEAR_ON_YEAR = "year on year";
    public static final String WHOLE_PERIOD = "whole period";

    private IndicatorAnalysis() {
    }

    record Series(String crimeArea, String indicator, String commodity, String unit) {
    }

    private static final Comparator<Series> ORDER = Comparator.comparing(Series::crimeArea)
            .thenComparing(Series::indicator).thenComparing(s -> Objects.requireNonNullElse(s.commodity(), ""))
            .thenComparing(s -> Objects.requireNonNullElse(s.unit(), ""));

    /** Results: totals and changes, both in a stable order. */
    public record Result(List<RegionalTotal> totals, List<IndicatorChange> changes) {
    }

    public static Result build(List<StateFigure> figures, int from, int to) {
        Map<Series, Map<Integer, Map<String, StateFigure>>> bySeries = new TreeMap<>(ORDER);
        for (StateFigure figure : figures) {
            if (figure.year() < from || figure.year() > to) {
                continue;
            }
            bySeries.computeIfAbsent(new Series(figure.crimeArea(), figure.indicator(), figure.commodity(), figure.unit()),
                    k -> new TreeMap<>()).computeIfAbsent(figure.year(), k -> new TreeMap<>())
                    .put(figure.submitter(), figure);
        }
        List<RegionalTotal> totals = new ArrayList<>();
        List<IndicatorChange> changes = new ArrayList<>();
        for (Map.Entry<Series, Map<Integer, Map<String, StateFigure>>> entry : bySeries.entrySet()) {
            Series series = entry.getKey();
            Map<Integer, Map<String, StateFigure>> years = entry.getValue();
            for (Map.Entry<Integer, Map<String, StateFigure>> year : years.entrySet()) {
                totals.add(new RegionalTotal(series.crimeArea(), series.indicator(), series.commodity(), series.unit(),
                        year.getKey(), sum(year.getValue(), null), reporting(year.getValue()),
                        year.getValue().values().stream().mapToInt(StateFigure::suppressedOrMissing).sum()));
            }
            List<Integer> reportedYears = years.keySet().stream().filter(y -> !reporting(years.get(y)).isEmpty()).toList();
            for (int i = 1; i < reportedYears.size(); i++) {
                int a = reportedYears.get(i - 1);
                int b = reportedYears.get(i);
                if (b == a + 1) {
                    changes.add(change(series, YEAR_ON_YEAR, a, b, years));
                }
            }
            if (reportedYears.size() >= 2) {
                int first = reportedYears.get(0);
                int last = reportedYears.get(reportedYears.size() - 1);
                if (last > first + 1) {
                    changes.add(change(series, WHOLE_PERIOD, first, last, years));
                }
            }
        }
        return new Result(totals, changes);
    }

    private static IndicatorChange change(Series series, String comparison, int from, int to,
            Map<Integer, Map<String, StateFigure>> years) {
        Map<String, StateFigure> before = years.getOrDefault(from, Map.of());
        Map<String, StateFigure> after = years.getOrDefault(to, Map.of());
        List<String> statesFrom = reporting(before);
        List<String> statesTo = reporting(after);
        TreeSet<String> comparable = new TreeSet<>(statesFrom);
        comparable.retainAll(statesTo);
        BigDecimal comparableFrom = comparable.isEmpty() ? null : sum(before, comparable);
        BigDecimal comparableTo = comparable.isEmpty() ? null : sum(after, comparable);
        Double percent = null;
        if (comparableFrom != null && comparableFrom.signum() != 0) {
            percent = comparableTo.subtract(comparableFrom).multiply(BigDecimal.valueOf(100))
                    .divide(comparableFrom, 1, RoundingMode.HALF_UP).doubleValue();
        }
        String note = note(statesFrom, statesTo, comparable);
        return new IndicatorChange(series.crimeArea(), series.indicator(), series.commodity(), series.unit(), comparison,
                from, to, sum(before, null), sum(after, null), statesFrom.size(), statesTo.size(), List.copyOf(comparable),
                comparableFrom, comparableTo, percent, note);
    }

    private static String note(List<String> statesFrom, List<String> statesTo, TreeSet<String> comparable) {
        if (comparable.isEmpty()) {
            return "no state reported both years: no change computed";
        }
        List<String> onlyBefore = statesFrom.stream().filter(s -> !comparable.contains(s)).toList();
        List<String> onlyAfter = statesTo.stream().filter(s -> !comparable.contains(s)).toList();
        List<String> parts = new ArrayList<>();
        if (!onlyBefore.isEmpty()) {
            parts.add("left out (no figure in the later year): " + String.join(", ", onlyBefore));
        }
        if (!onlyAfter.isEmpty()) {
            parts.add("left out (no figure in the earlier year): " + String.join(", ", onlyAfter));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static List<String> reporting(Map<String, StateFigure> figures) {
        return figures.values().stream().filter(f -> f.value() != null).map(StateFigure::submitter).sorted().toList();
    }

    private static BigDecimal sum(Map<String, StateFigure> figures, java.util.Set<String> only) {
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (StateFigure figure : figures.values()) {
            if (figure.value() != null && (only == null || only.contains(figure.submitter()))) {
                total = total.add(figure.value());
                any = true;
            }
        }
        return any ? total.stripTrailingZeros() : null;
    }
}
