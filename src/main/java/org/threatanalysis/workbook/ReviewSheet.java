package org.threatanalysis.workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.threatanalysis.normalisation.ParsedRoute;
import org.threatanalysis.reference.Decisions;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
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
        /** The folded text, kept to sort by: folding again in the comparator would cost more than the sort. */
        final String folded;
        // What the first occurrence (in file and row order) says.
        String text;
        String currentCode;
        String method;
        Double confidence;
        String suggestions;
        int occurrences;
        // Kept small: case-level submissions bring tens of thousands of entries.
        final List<String> submitters = new ArrayList<>(1);
        int firstYear = Integer.MAX_VALUE;
        int lastYear = Integer.MIN_VALUE;
        /** The first occurrences in file and row order (positions), whatever order they are read in. */
        final List<String> where = new ArrayList<>(1);
        final List<Long> wherePositions = new ArrayList<>(1);

        Entry(String kind, String crimeArea, String folded) {
            this.kind = kind;
            this.crimeArea = crimeArea;
            this.folded = folded;
        }

        /** Whether an occurrence at this position comes before every one seen so far. */
        boolean isFirst(long position) {
            return wherePositions.isEmpty() || position < wherePositions.get(0);
        }

        void describe(String text, String currentCode, String method, Double confidence, String suggestions) {
            this.text = text;
            this.currentCode = currentCode;
            this.method = method;
            this.confidence = confidence;
            this.suggestions = suggestions;
        }

        void add(long position, String submitter, int year, String source) {
            occurrences++;
            if (submitter != null) {
                int at = java.util.Collections.binarySearch(submitters, submitter);
                if (at < 0) {
                    submitters.add(-at - 1, submitter);
                }
            }
            firstYear = Math.min(firstYear, year);
            lastYear = Math.max(lastYear, year);
            // After any equal position: two unknown places of one route keep their order.
            int at = wherePositions.size();
            while (at > 0 && wherePositions.get(at - 1) > position) {
                at--;
            }
            if (at < WHERE_LIMIT) {
                wherePositions.add(at, position);
                where.add(at, source);
                if (where.size() > WHERE_LIMIT) {
                    wherePositions.remove(WHERE_LIMIT);
                    where.remove(WHERE_LIMIT);
                }
            }
        }
    }

    long write(long runId, int[] period) {
        Map<String, Entry> entries = new HashMap<>();
        // One submission at a time, in file order; rows are read in their blocks' order, and each
        // entry keeps its first occurrences by file and row (the ones shown).
        List<Integer> submissions = staging.jdbc().queryForList("SELECT submission_id FROM ta_submission"
                + " WHERE run_id = ? AND status = 'ACCEPTED' ORDER BY relative_path", Integer.class, runId);
        for (int order = 0; order < submissions.size(); order++) {
            modusOperandi(entries, runId, submissions.get(order), order, period);
            places(entries, runId, submissions.get(order), order, period);
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

    private static long position(int submissionOrder, int sheetRow) {
        return ((long) submissionOrder << 32) | (sheetRow & 0xFFFFFFFFL);
    }

    private void modusOperandi(Map<String, Entry> entries, long runId, int submission, int order, int[] period) {
        staging.standingBlocks(RowTable.MODUS_OPERANDI, runId, period[0], period[1], " AND s.submission_id = ?",
                "t.report_year, t.first_row", block -> {
                    for (Iterator<StagedRows.ModusOperandi> rows = block.rowIterator(); rows.hasNext();) {
                        StagedRows.ModusOperandi r = rows.next();
                        boolean review = "UNMATCHED".equals(r.method())
                                || ("SCORED".equals(r.method()) && r.confidence() < normalisation.reviewBelow());
                        if (!review) {
                            continue;
                        }
                        String text = r.text() != null ? r.text() : r.codeRaw();
                        String folded = TextFolding.fold(text);
                        Entry entry = entries.computeIfAbsent(Decisions.MODUS_OPERANDI + "|" + r.crimeArea() + "|" + folded,
                                k -> new Entry(Decisions.MODUS_OPERANDI, r.crimeArea(), folded));
                        long position = position(order, r.sheetRow());
                        if (entry.isFirst(position)) {
                            entry.describe(text, r.code(), r.method(), r.confidence(), r.suggestions());
                        }
                        entry.add(position, block.submitter(), r.year(), r.source());
                    }
                }, submission);
    }

    private void places(Map<String, Entry> entries, long runId, int submission, int order, int[] period) {
        staging.standingBlocks(RowTable.ROUTE, runId, period[0], period[1], " AND s.submission_id = ? AND t.flagged > 0",
                "t.report_year, t.first_row", block -> {
                    for (Iterator<StagedRows.Route> rows = block.rowIterator(); rows.hasNext();) {
                        StagedRows.Route r = rows.next();
                        if (r.problem() == null) {
                            continue;
                        }
                        ParsedRoute parsed = normalisation.routes().parse(r.text(), r.transportRaw());
                        long position = position(order, r.sheetRow());
                        for (String unknown : parsed.unknownParts()) {
                            String folded = TextFolding.fold(unknown);
                            Entry place = entries.computeIfAbsent(Decisions.PLACE + "||" + folded,
                                    k -> new Entry(Decisions.PLACE, null, folded));
                            if (place.isFirst(position)) {
                                place.describe(unknown, null, null, null, null);
                            }
                            place.add(position, block.submitter(), r.year(), r.source() + " (" + r.text() + ")");
                        }
                    }
                }, submission);
    }
}
