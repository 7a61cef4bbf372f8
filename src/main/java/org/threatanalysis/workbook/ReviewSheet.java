package org.threatanalysis.workbook;

import java.util.Iterator;
import java.util.List;

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
    /**
     * Entries counted in the heap at once (about a kilobyte each, beside the three data sheets
     * written at the same time); beyond, they are sorted on disk ({@link ReviewEntries}).
     */
    static final int HELD_ENTRIES = 20_000;

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

    long write(long runId, int[] period) {
        try (ReviewEntries entries = new ReviewEntries(HELD_ENTRIES, workbook.tempFolder())) {
            return write(entries, runId, period);
        }
    }

    private long write(ReviewEntries entries, long runId, int[] period) {
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
        entries.forEachInOrder(e -> {
            String where = String.join("; ", e.where) + (e.occurrences > e.where.size()
                    ? "; and " + (e.occurrences - e.where.size()) + " more" : "");
            String years = e.occurrences == 0 ? null : e.firstYear == e.lastYear
                    ? Integer.toString(e.firstYear) : e.firstYear + "-" + e.lastYear;
            sheet.row().text(e.kind).text(e.crimeArea).text(e.text).integer(e.occurrences)
                    .text(String.join(", ", e.submitters)).text(years).text(where).text(e.currentCode)
                    .text(e.method == null ? null : ConsolidatedWorkbookWriter.method(e.method))
                    .ratio(e.method == null ? null : e.confidence).text(e.suggestions).text(null);
        });
        sheet.finish();
        return sheet.dataRows();
    }

    private static long position(int submissionOrder, int sheetRow) {
        return ((long) submissionOrder << 32) | (sheetRow & 0xFFFFFFFFL);
    }

    private void modusOperandi(ReviewEntries entries, long runId, int submission, int order, int[] period) {
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
                        ReviewEntries.Entry entry = entries.entry(Decisions.MODUS_OPERANDI, r.crimeArea(),
                                TextFolding.fold(text));
                        long position = position(order, r.sheetRow());
                        if (entry.isFirst(position)) {
                            entry.describe(text, r.code(), r.method(), r.confidence(), r.suggestions());
                        }
                        entry.add(position, block.submitter(), r.year(), r.source());
                        entries.rowDone();
                    }
                }, submission);
    }

    private void places(ReviewEntries entries, long runId, int submission, int order, int[] period) {
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
                            ReviewEntries.Entry place = entries.entry(Decisions.PLACE, null, TextFolding.fold(unknown));
                            if (place.isFirst(position)) {
                                place.describe(unknown, null, null, null, null);
                            }
                            place.add(position, block.submitter(), r.year(), r.source() + " (" + r.text() + ")");
                        }
                        entries.rowDone();
                    }
                }, submission);
    }
}
