package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
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
 * indicator totals and their changes on comparable states. Reads aggregates only, so its memory
 * does not grow with the number of rows.
 */
public final class ChangeAnalysis {

    /** Any order does: the analysis aggregates. The key's order reads the table front to back. */
    private static final String BLOCK_ORDER = "t.run_id, t.submission_id, t.report_year, t.first_row";

    private final StagingRepository staging;

    public ChangeAnalysis(StagingRepository staging) {
        this.staging = staging;
    }

    public ChangeReport analyse(long runId, int from, int to) {
        Map<String, Map<Integer, Integer>> coverage = new TreeMap<>();
        staging.stream("""
                SELECT s.submitter, y.report_year, s.revision FROM ta_submission_year y
                JOIN ta_submission s ON s.run_id = y.run_id AND s.submission_id = y.submission_id
                WHERE y.run_id = ? AND y.status = 'STANDING' AND y.report_year BETWEEN ? AND ?""",
                rs -> coverage.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3)),
                runId, from, to);
        Map<String, Set<Integer>> years = new TreeMap<>();
        coverage.forEach((state, byYear) -> years.put(state, new TreeSet<>(byYear.keySet())));

        List<Sighting> modusOperandi = modusOperandiSightings(runId, from, to);
        int unmatched = (int) staging.standingRowCount(runId, from, to, RowTable.MODUS_OPERANDI.tableName())[1];
        List<Sighting> routes = routeSightings(runId, from, to);
        int routesNotAnalysed = (int) staging.standingRowCount(runId, from, to, RowTable.ROUTE.tableName())[1];
        List<StateFigure> figures = stateFigures(runId, from, to);

        IndicatorAnalysis.Result indicators = IndicatorAnalysis.build(figures, from, to);
        return new ChangeReport(from, to, coverage, PresenceAnalysis.build(modusOperandi, years, from, to),
                PresenceAnalysis.build(routes, years, from, to), RouteShiftDetector.detect(routes, years),
                indicators.totals(), indicators.changes(), unmatched, routesNotAnalysed);
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Who reported which MO code in which year with which trend, each once, in that order. */
    private List<Sighting> modusOperandiSightings(long runId, int from, int to) {
        // Collected in a hash set (one look-up per row), sorted once at the end.
        Set<Sighting> sightings = new java.util.HashSet<>();
        staging.standingBlocks(RowTable.MODUS_OPERANDI, runId, from, to, "", BLOCK_ORDER, block -> {
            for (Iterator<StagedRows.ModusOperandi> rows = block.rowIterator(); rows.hasNext();) {
                StagedRows.ModusOperandi r = rows.next();
                if (r.code() != null) {
                    sightings.add(new Sighting(r.crimeArea(), r.code(), null, block.submitter(), r.year(), r.trend(), null));
                }
            }
        });
        List<Sighting> ordered = new ArrayList<>(sightings);
        ordered.sort(Comparator.comparing(Sighting::crimeArea, TEXT).thenComparing(Sighting::key, TEXT)
                .thenComparing(Sighting::submitter, TEXT).thenComparingInt(Sighting::year)
                .thenComparing(Sighting::trend, TEXT));
        return ordered;
    }

    private record RouteKey(String crimeArea, String countries, String commodity, String submitter, int year,
            String trend, String transport) {
    }

    /**
     * The understood routes grouped by what the analysis compares, with how many rows say each:
     * case-level submissions repeat the same route many times over.
     */
    private List<Sighting> routeSightings(long runId, int from, int to) {
        Map<RouteKey, int[]> counts = new HashMap<>();
        staging.standingBlocks(RowTable.ROUTE, runId, from, to, "", BLOCK_ORDER, block -> {
            for (Iterator<StagedRows.Route> rows = block.rowIterator(); rows.hasNext();) {
                StagedRows.Route r = rows.next();
                if (r.problem() == null) {
                    counts.computeIfAbsent(new RouteKey(r.crimeArea(), r.countries(), r.commodity(), block.submitter(),
                            r.year(), r.trend(), r.transport()), k -> new int[1])[0]++;
                }
            }
        });
        List<Sighting> routes = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> routes.add(new Sighting(k.crimeArea(), k.countries(), k.commodity(), k.submitter(),
                k.year(), k.trend(), k.transport(), n[0])));
        routes.sort(Comparator.comparing(Sighting::crimeArea, TEXT).thenComparing(Sighting::key, TEXT)
                .thenComparing(Sighting::commodity, TEXT).thenComparing(Sighting::submitter, TEXT)
                .thenComparingInt(Sighting::year).thenComparing(Sighting::trend, TEXT)
                .thenComparing(Sighting::transport, TEXT));
        return routes;
    }

    private record FigureKey(String crimeArea, String indicator, String commodity, String unit, String submitter,
            int year) {
    }

    /** Per indicator, commodity, unit, state and year: the sum of the figures and the suppressed or missing ones. */
    private List<StateFigure> stateFigures(long runId, int from, int to) {
        Map<FigureKey, Object[]> sums = new HashMap<>();
        staging.standingBlocks(RowTable.INDICATOR, runId, from, to, "", BLOCK_ORDER, block -> {
            for (Iterator<StagedRows.Indicator> rows = block.rowIterator(); rows.hasNext();) {
                StagedRows.Indicator r = rows.next();
                boolean number = "NUMBER".equals(r.valueStatus());
                if (r.normalisedValue() == null && number) {
                    continue;
                }
                // {sum, figures summed, suppressed or missing}
                Object[] sum = sums.computeIfAbsent(new FigureKey(r.crimeArea(), r.indicator(), r.commodity(),
                        r.normalisedUnit(), block.submitter(), r.year()), k -> new Object[] {BigDecimal.ZERO, 0, 0});
                if (r.normalisedValue() != null) {
                    sum[0] = ((BigDecimal) sum[0]).add(r.normalisedValue());
                    sum[1] = (Integer) sum[1] + 1;
                }
                if (!number) {
                    sum[2] = (Integer) sum[2] + 1;
                }
            }
        });
        List<StateFigure> figures = new ArrayList<>(sums.size());
        sums.forEach((k, sum) -> figures.add(new StateFigure(k.crimeArea(), k.indicator(), k.commodity(), k.unit(),
                k.submitter(), k.year(), (Integer) sum[1] > 0 ? ((BigDecimal) sum[0]).stripTrailingZeros() : null,
                (Integer) sum[2])));
        figures.sort(Comparator.comparing(StateFigure::crimeArea, TEXT).thenComparing(StateFigure::indicator, TEXT)
                .thenComparing(StateFigure::commodity, TEXT).thenComparing(StateFigure::unit, TEXT)
                .thenComparing(StateFigure::submitter, TEXT).thenComparingInt(StateFigure::year));
        return figures;
    }
}
