package org.threatanalysis.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.threatanalysis.staging.StagingRepository;

/**
 * Analyses what changed across the period, from the staged rows of the standing (not
 * superseded) submissions: modus operandi and routes year by year, route shifts, regional
 * indicator totals and their changes on comparable states. Reads aggregates only, so its memory
 * does not grow with the number of rows.
 */
public final class ChangeAnalysis {

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

        List<Sighting> modusOperandi = new ArrayList<>();
        staging.stream("SELECT t.crime_area, t.mo_code, s.submitter, t.report_year, t.trend FROM "
                + StagingRepository.standingRows("ta_modus_operandi") + " AND t.mo_code IS NOT NULL"
                + " GROUP BY t.crime_area, t.mo_code, s.submitter, t.report_year, t.trend ORDER BY 1, 2, 3, 4, 5",
                rs -> modusOperandi.add(new Sighting(rs.getString(1), rs.getString(2), null, rs.getString(3), rs.getInt(4),
                        rs.getString(5), null)), runId, from, to);
        int unmatched = (int) staging.standingRowCount(runId, from, to, "modus_operandi")[1];

        List<Sighting> routes = new ArrayList<>();
        // Grouped in the database: case-level submissions repeat the same route many times over.
        staging.stream("SELECT t.crime_area, t.countries, t.commodity, s.submitter, t.report_year, t.trend, t.transport,"
                + " COUNT(*) FROM " + StagingRepository.standingRows("ta_route") + " AND t.route_problem IS NULL"
                + " GROUP BY t.crime_area, t.countries, t.commodity, s.submitter, t.report_year, t.trend, t.transport"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7",
                rs -> routes.add(new Sighting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getInt(8))), runId, from, to);
        int routesNotAnalysed = (int) staging.standingRowCount(runId, from, to, "route")[1];

        List<StateFigure> figures = new ArrayList<>();
        staging.stream("""
                SELECT t.crime_area, t.indicator, t.commodity, t.normalised_unit, s.submitter, t.report_year,
                       SUM(t.normalised_value), COUNT(t.normalised_value),
                       SUM(CASE WHEN t.value_status <> 'NUMBER' THEN 1 ELSE 0 END)
                FROM """ + " " + StagingRepository.standingRows("ta_indicator") + """
                 AND (t.normalised_value IS NOT NULL OR t.value_status <> 'NUMBER')
                GROUP BY t.crime_area, t.indicator, t.commodity, t.normalised_unit, s.submitter, t.report_year
                ORDER BY 1, 2, 3, 4, 5, 6""", rs -> {
                    BigDecimal value = rs.getLong(8) > 0 ? rs.getBigDecimal(7) : null;
                    figures.add(new StateFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), value == null ? null : value.stripTrailingZeros(), rs.getInt(9)));
                }, runId, from, to);

        IndicatorAnalysis.Result indicators = IndicatorAnalysis.build(figures, from, to);
        return new ChangeReport(from, to, coverage, PresenceAnalysis.build(modusOperandi, years, from, to),
                PresenceAnalysis.build(routes, years, from, to), RouteShiftDetector.detect(routes, years),
                indicators.totals(), indicators.changes(), unmatched, routesNotAnalysed);
    }
}
