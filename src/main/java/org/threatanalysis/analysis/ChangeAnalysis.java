package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/**
 * Analyses what changed across the period, from the staged rows of the standing (not
 * superseded) submissions: modus operandi and routes year by year, route shifts, regional
 * indicator totals and their changes on comparable states. Keeps aggregates only, so its memory
 * does not grow with the number of rows.
 *
 * <p>The rows come from the writing of the data sheets, which reads every standing row of the
 * period once anyway: each sheet hands its rows to the {@link Rows} as it writes them, and the
 * analysis is made from what they collected ({@link #report}). The collections are independent
 * of the order the rows come in (sets, counts and exact sums, sorted at the end).
 */
public final class ChangeAnalysis {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    private final StagingRepository staging;

    public ChangeAnalysis(StagingRepository staging) {
        this.staging = staging;
    }

    /**
     * What the analysis needs of the standing rows, collected as they are read. Each kind of row
     * (modus operandi, route, indicator) is collected by one thread at a time; the report is made
     * once all of them are in.
     */
    public static final class Rows {

        private final Set<Sighting> modusOperandi = new java.util.HashSet<>();
        private final Map<RouteKey, int[]> routes = new HashMap<>();
        private final Map<FigureKey, Object[]> figures = new HashMap<>();
        // Read by the report after the routes sheet's task is done (its Future orders the two).
        private List<Sighting> routeSightings;

        /** Who reported which MO code in which year with which trend, each once. */
        public void modusOperandi(String submitter, StagedRows.ModusOperandi r) {
            if (r.code() != null) {
                modusOperandi.add(new Sighting(r.crimeArea(), r.code(), null, submitter, r.year(), r.trend(), null));
            }
        }

        /**
         * The understood routes grouped by what the analysis compares, with how many rows say
         * each: case-level submissions repeat the same route many times over.
         */
        public void route(String submitter, StagedRows.Route r) {
            if (r.problem() == null) {
                routes.computeIfAbsent(new RouteKey(r.crimeArea(), r.countries(), r.commodity(), submitter, r.year(),
                        r.trend(), r.transport()), k -> new int[1])[0]++;
            }
        }

        /** Per indicator, commodity, unit, state and year: the sum of the figures and the suppressed or missing ones. */
        public void indicator(String submitter, StagedRows.Indicator r) {
            boolean number = "NUMBER".equals(r.valueStatus());
            if (r.normalisedValue() == null && number) {
                return;
            }
            // {sum, figures summed, suppressed or missing}
            Object[] sum = figures.computeIfAbsent(new FigureKey(r.crimeArea(), r.indicator(), r.commodity(),
                    r.normalisedUnit(), submitter, r.year()), k -> new Object[] {BigDecimal.ZERO, 0, 0});
            if (r.normalisedValue() != null) {
                sum[0] = ((BigDecimal) sum[0]).add(r.normalisedValue());
                sum[1] = (Integer) sum[1] + 1;
            }
            if (!number) {
                sum[2] = (Integer) sum[2] + 1;
            }
        }

        private List<Sighting> modusOperandiSightings() {
            List<Sighting> ordered = new ArrayList<>(modusOperandi);
            ordered.sort(Comparator.comparing(Sighting::crimeArea, TEXT).thenComparing(Sighting::key, TEXT)
                    .thenComparing(Sighting::submitter, TEXT).thenComparingInt(Sighting::year)
                    .thenComparing(Sighting::trend, TEXT));
            return ordered;
        }

        /**
         * Every route is in: their sightings are ordered now, on the thread that collected them and
         * while the other sheets are still being written, instead of in the report, which runs on
         * one thread once all sheets are done (ordering them was half of the report's time).
         */
        public void routesComplete() {
            routeSightings = orderedRouteSightings();
        }

        private List<Sighting> routeSightings() {
            return routeSightings != null ? routeSightings : orderedRouteSightings();
        }

        private List<Sighting> orderedRouteSightings() {
            List<Sighting> ordered = new ArrayList<>(routes.size());
            routes.forEach((k, n) -> ordered.add(new Sighting(k.crimeArea(), k.countries(), k.commodity(),
                    k.submitter(), k.year(), k.trend(), k.transport(), n[0])));
            ordered.sort(Comparator.comparing(Sighting::crimeArea, TEXT).thenComparing(Sighting::key, TEXT)
                    .thenComparing(Sighting::commodity, TEXT).thenComparing(Sighting::submitter, TEXT)
                    .thenComparingInt(Sighting::year).thenComparing(Sighting::trend, TEXT)
                    .thenComparing(Sighting::transport, TEXT));
            return ordered;
        }

        private List<StateFigure> stateFigures() {
            List<StateFigure> ordered = new ArrayList<>(figures.size());
            figures.forEach((k, sum) -> ordered.add(new StateFigure(k.crimeArea(), k.indicator(), k.commodity(),
                    k.unit(), k.submitter(), k.year(),
                    (Integer) sum[1] > 0 ? ((BigDecimal) sum[0]).stripTrailingZeros() : null, (Integer) sum[2])));
            ordered.sort(Comparator.comparing(StateFigure::crimeArea, TEXT).thenComparing(StateFigure::indicator, TEXT)
                    .thenComparing(StateFigure::commodity, TEXT).thenComparing(StateFigure::unit, TEXT)
                    .thenComparing(StateFigure::submitter, TEXT).thenComparingInt(StateFigure::year));
            return ordered;
        }
    }

    private record RouteKey(String crimeArea, String countries, String commodity, String submitter, int year,
            String trend, String transport) {
    }

    private record FigureKey(String crimeArea, String indicator, String commodity, String unit, String submitter,
            int year) {
    }

    /** The analysis of the period, from every standing row of it collected in {@code rows}. */
    public ChangeReport report(Rows rows, long runId, int from, int to) {
        Map<String, Map<Integer, Integer>> coverage = new TreeMap<>();
        staging.stream("""
                SELECT s.submitter, y.report_year, s.revision FROM ta_submission_year y
                JOIN ta_submission s ON s.run_id = y.run_id AND s.submission_id = y.submission_id
                WHERE y.run_id = ? AND y.status = 'STANDING' AND y.report_year BETWEEN ? AND ?""",
                rs -> coverage.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3)),
                runId, from, to);
        Map<String, Set<Integer>> years = new TreeMap<>();
        coverage.forEach((state, byYear) -> years.put(state, new TreeSet<>(byYear.keySet())));

        List<Sighting> modusOperandi = rows.modusOperandiSightings();
        int unmatched = (int) staging.standingRowCount(runId, from, to, RowTable.MODUS_OPERANDI.tableName())[1];
        List<Sighting> routes = rows.routeSightings();
        int routesNotAnalysed = (int) staging.standingRowCount(runId, from, to, RowTable.ROUTE.tableName())[1];
        List<StateFigure> figures = rows.stateFigures();

        IndicatorAnalysis.Result indicators = IndicatorAnalysis.build(figures, from, to);
        return new ChangeReport(from, to, coverage, PresenceAnalysis.build(modusOperandi, years, from, to),
                PresenceAnalysis.build(routes, years, from, to), RouteShiftDetector.detect(routes, years),
                indicators.totals(), indicators.changes(), unmatched, routesNotAnalysed);
    }
}
