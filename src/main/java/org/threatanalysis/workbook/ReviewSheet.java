package org.threatanalysis.workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threatanalysis.normalisation.ParsedRoute;
import org.threatanalysis.reference.Decisions;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.staging.StagingRepository;

/**
 * Writes the Review sheet: each value the job could not map, or mapped with low confidence, once
 * (grouped by kind, crime area and folded text), with how often and where it occurred, the best
 * suggestions and an empty Decision column. Modus-operandi text that is unmatched, or scored
 * below the review confidence; places in route text that the gazetteer does not know.
 *
 * <p>The analyst fills Decision (an MO code, a country code, or {@code none}) and puts the sheet
 * or the whole workbook back into the input folder; the next run applies the decisions.
 */
final class ReviewSheet {

    static final String NAME = "Review";
    private static final int WHERE_LIMIT = 5;

    private final StagingRepository staging;
    private final StreamingWorkbook workbook;
    private final WorkbookStyles styles;
    private final ConsolidatedWorkbookWriter.Normalisation normalisation;

    ReviewSheet(StagingRepository staging, StreamingWorkbook workbook, WorkbookStyles styles,
            ConsolidatedWorkbookWriter.Normalisation normalisation) {
        this.staging = staging;
        this.workbook = workbook;
        this.styles = styles;
        this.normalisation = normalisation;
    }

    private static final class Entry {
        final String kind;
        final String crimeArea;
        final String text;
        final String currentCode;
        final String method;
        final Double confidence;
        final String suggestions;
        /** The folded text, kept to sort by: folding again in the comparator would cost more than the sort. */
        final String folded;
        int occurrences;
        // Kept small: case-level submissions bring tens of thousands of entries.
        final List<String> submitters = new ArrayList<>(1);
        int firstYear = Integer.MAX_VALUE;
        int lastYear = Integer.MIN_VALUE;
        final List<String> where = new ArrayList<>(1);

        Entry(String kind, String crimeArea, String text, String folded, String currentCode, String method,
                Double confidence, String suggestions) {
            this.folded = folded;
            this.kind = kind;
            this.crimeArea = crimeArea;
            this.text = text;
            this.currentCode = currentCode;
            this.method = method;
            this.confidence = confidence;
            this.suggestions = suggestions;
        }

        void add(String submitter, int year, String source) {
            occurrences++;
            if (submitter != null) {
                int at = java.util.Collections.binarySearch(submitters, submitter);
                if (at < 0) {
                    submitters.add(-at - 1, submitter);
                }
            }
            firstYear = Math.min(firstYear, year);
            lastYear = Math.max(lastYear, year);
            if (where.size() < WHERE_LIMIT) {
                where.add(source);
            }
        }
    }

    long write(long runId, int[] period) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        // In file and row order (the first occurrences are the ones shown), one submission at a
        // time: the database then never sorts the rows of a whole run.
        List<Integer> submissions = staging.jdbc().queryForList("SELECT submission_id FROM ta_submission"
                + " WHERE run_id = ? AND status = 'ACCEPTED' ORDER BY relative_path", Integer.class, runId);
        for (int submission : submissions) {
            modusOperandi(entries, runId, submission, period);
            places(entries, runId, submission, period);
        }
        SheetWriter sheet = new SheetWriter(workbook, NAME, styles, "Kind", "Crime area",
                "Text as submitted", "Occurrences", "Submitters", "Years", "Where", "Current code", "Matched by",
                "Confidence", "Suggestions", "Decision");
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing((Entry e) -> e.kind)
                .thenComparing(e -> e.crimeArea == null ? "" : e.crimeArea)
                .thenComparing(Comparator.comparingInt((Entry e) -> e.occurrences).reversed())
                .thenComparing(e -> e.folded));
        for (Entry e : sorted) {
            String where = String.join("; ", e.where) + (e.occurrences > e.where.size()
                    ? "; and " + (e.occurrences - e.where.size()) + " more" : "");
            String years = e.occurrences == 0 ? null : e.firstYear == e.lastYear
                    ? Integer.toString(e.firstYear) : e.firstYear + "-" + e.lastYear;
            sheet.row().text(e.kind).text(e.crimeArea).text(e.text).integer(e.occurrences)
                    .text(String.join(", ", e.submitters)).text(years).text(where).text(e.currentCode)
                    .text(e.method == null ? null : ConsolidatedWorkbookWriter.method(e.method))
                    .ratio(e.method == null ? null : e.confidence).text(e.suggestions).text(null);
        }
        sheet.finish();
        return sheet.dataRows();
    }

    private void modusOperandi(Map<String, Entry> entries, long runId, int submission, int[] period) {
        staging.stream("SELECT t.*, s.submitter FROM " + StagingRepository.standingRows("ta_modus_operandi")
                + " AND s.submission_id = ?"
                + " AND (t.match_method = 'UNMATCHED' OR (t.match_method = 'SCORED' AND t.confidence < ?))"
                + " ORDER BY t.sheet_row", rs -> {
                    String text = rs.getString("mo_text") != null ? rs.getString("mo_text") : rs.getString("mo_code_raw");
                    String area = rs.getString("crime_area");
                    String folded = TextFolding.fold(text);
                    String key = Decisions.MODUS_OPERANDI + "|" + area + "|" + folded;
                    Entry entry = entries.computeIfAbsent(key, k -> {
                        try {
                            return new Entry(Decisions.MODUS_OPERANDI, area, text, folded, rs.getString("mo_code"),
                                    rs.getString("match_method"), rs.getDouble("confidence"), rs.getString("suggestions"));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    entry.add(rs.getString("submitter"), rs.getInt("report_year"), rs.getString("source"));
                }, runId, period[0], period[1], submission, normalisation.reviewBelow());
    }

    private void places(Map<String, Entry> entries, long runId, int submission, int[] period) {
        staging.stream("SELECT t.*, s.submitter FROM " + StagingRepository.standingRows("ta_route")
                + " AND s.submission_id = ? AND t.route_problem IS NOT NULL ORDER BY t.sheet_row", rs -> {
                    ParsedRoute parsed = normalisation.routes().parse(rs.getString("route_text"),
                            rs.getString("transport_raw"));
                    for (String unknown : parsed.unknownParts()) {
                        String folded = TextFolding.fold(unknown);
                        Entry place = entries.computeIfAbsent(Decisions.PLACE + "||" + folded,
                                k -> new Entry(Decisions.PLACE, null, unknown, folded, null, null, null, null));
                        place.add(rs.getString("submitter"), rs.getInt("report_year"),
                                rs.getString("source") + " (" + rs.getString("route_text") + ")");
                    }
                }, runId, period[0], period[1], submission);
    }
}
