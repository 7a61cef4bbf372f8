package org.threatanalysis.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;

/**
 * The submissions register: every file found under the input folder, what became of it and
 * why, and how its rows were accounted for (read = staged + rejected + blank + total).
 */
final class SubmissionsSheet {

    private final StagingRepository staging;
    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;

    SubmissionsSheet(StagingRepository staging, SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.staging = staging;
        this.workbook = workbook;
        this.styles = styles;
    }

    int write(long runId, int[] period) {
        SheetWriter sheet = new SheetWriter(workbook.createSheet("Submissions"), styles, "File", "Status", "Reason",
                "Submitter", "Member state", "Reporting entity", "Member state as submitted", "Reporting period",
                "Submission date", "Revision", "Years consolidated", "Years superseded", "Rows read", "Rows staged",
                "Rows rejected", "Blank rows", "Total rows", "Size (bytes)", "SHA-256");
        Map<Integer, long[]> staged = ConsolidatedWorkbookWriter.countsBySubmission(staging, """
                SELECT submission_id, SUM(n) FROM (
                    SELECT submission_id, COUNT(*) AS n FROM ta_indicator WHERE run_id = ? GROUP BY submission_id
                    UNION ALL SELECT submission_id, COUNT(*) FROM ta_modus_operandi WHERE run_id = ?1 GROUP BY submission_id
                    UNION ALL SELECT submission_id, COUNT(*) FROM ta_route WHERE run_id = ?1 GROUP BY submission_id
                ) GROUP BY submission_id""".replace("?1", "?"), 1, runId, runId, runId);
        Map<Integer, long[]> rejected = ConsolidatedWorkbookWriter.countsBySubmission(staging, """
                SELECT submission_id, COUNT(DISTINCT sheet || '!' || sheet_row) FROM ta_data_quality
                WHERE run_id = ? AND row_rejected AND sheet_row IS NOT NULL GROUP BY submission_id""", 1, runId);
        Map<Integer, long[]> passed = ConsolidatedWorkbookWriter.countsBySubmission(staging, """
                SELECT submission_id, SUM(CASE WHEN kind = 'BLANK' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN kind = 'TOTAL' THEN 1 ELSE 0 END)
                FROM ta_passed_row WHERE run_id = ? GROUP BY submission_id""", 2, runId);
        Map<Integer, Map<String, List<Integer>>> years = new HashMap<>();
        staging.stream("SELECT submission_id, status, report_year FROM ta_submission_year WHERE run_id = ? "
                + "ORDER BY submission_id, report_year", rs -> years
                        .computeIfAbsent(rs.getInt(1), k -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>()).add(rs.getInt(3)),
                runId);
        List<SubmissionRecord> submissions = staging.submissions(runId);
        for (SubmissionRecord s : submissions) {
            long stagedRows = staged.getOrDefault(s.submissionId(), new long[1])[0];
            long rejectedRows = rejected.getOrDefault(s.submissionId(), new long[1])[0];
            long[] passedRows = passed.getOrDefault(s.submissionId(), new long[2]);
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
