package org.threatanalysis.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;

/**
 * The submissions register: every file found under the input folder, what became of it and
 * why, and how its rows were accounted for (read = staged + rejected + blank + total).
 */
final class SubmissionsSheet {

    private final StagingRepository staging;
    private final StreamingWorkbook workbook;
    private final WorkbookStyles styles;

    SubmissionsSheet(StagingRepository staging, StreamingWorkbook workbook, WorkbookStyles styles) {
        this.staging = staging;
        this.workbook = workbook;
        this.styles = styles;
    }

    int write(long runId, int[] period) {
        SheetWriter sheet = new SheetWriter(workbook, "Submissions", styles, "File", "Status", "Reason",
                "Submitter", "Member state", "Reporting entity", "Member state as submitted", "Reporting period",
                "Submission date", "Revision", "Years consolidated", "Years superseded", "Rows read", "Rows staged",
                "Rows rejected", "Blank rows", "Total rows", "Size (bytes)", "SHA-256");
        // Counted when each import completed (ta_row_count), not by scanning the row tables.
        Map<Integer, Map<String, long[]>> counts = staging.rowCountsBySubmission(runId);
        Map<Integer, Map<String, List<Integer>>> years = new HashMap<>();
        staging.stream("SELECT submission_id, status, report_year FROM ta_submission_year WHERE run_id = ? "
                + "ORDER BY submission_id, report_year", rs -> years
                        .computeIfAbsent(rs.getInt(1), k -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>()).add(rs.getInt(3)),
                runId);
        List<SubmissionRecord> submissions = staging.submissions(runId);
        for (SubmissionRecord s : submissions) {
            Map<String, long[]> c = counts.getOrDefault(s.submissionId(), Map.of());
            long stagedRows = rows(c, "indicator") + rows(c, "modus_operandi") + rows(c, "route");
            long rejectedRows = rows(c, "rejected");
            long[] passedRows = {rows(c, "blank"), rows(c, "total")};
            boolean accepted = "ACCEPTED".equals(s.status());
            Map<String, List<Integer>> y = years.getOrDefault(s.submissionId(), Map.of());
            sheet.row().text(s.relativePath()).text(status(s, y)).text(s.reason()).text(s.submitter())
                    .text(s.memberState()).text(s.reportingEntity()).text(s.memberStateRaw())
                    .text(s.periodFrom() == null ? null : s.periodFrom().equals(s.periodTo())
                            ? s.periodFrom().toString() : s.periodFrom() + "-" + s.periodTo())
                    .date(s.submissionDate()).integer(s.revision())
                    .text(join(y.get("STANDING"))).text(join(y.get("SUPERSEDED")));
            if (accepted) {
                sheet.integer(stagedRows + rejectedRows + passedRows[0] + passedRows[1]).integer(stagedRows)
                        .integer(rejectedRows).integer(passedRows[0]).integer(passedRows[1]);
            } else {
                sheet.integer(null).integer(null).integer(null).integer(null).integer(null);
            }
            sheet.integer(s.sizeBytes()).text(s.fingerprint());
        }
        sheet.finish();
        return submissions.size();
    }

    private static long rows(Map<String, long[]> counts, String rowTable) {
        long[] c = counts.get(rowTable);
        return c == null ? 0 : c[0];
    }

    private static String status(SubmissionRecord s, Map<String, List<Integer>> years) {
        if ("REFERENCE".equals(s.status())) {
            return "reference data";
        }
        if (!"ACCEPTED".equals(s.status())) {
            return s.status().toLowerCase(java.util.Locale.ROOT);
        }
        if (years.get("STANDING") == null) {
            return "superseded";
        }
        return years.get("SUPERSEDED") == null ? "consolidated" : "consolidated in part";
    }

    private static String join(List<Integer> years) {
        return years == null ? null : years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
