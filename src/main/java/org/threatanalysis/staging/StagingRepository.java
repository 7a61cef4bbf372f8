package org.threatanalysis.staging;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the staging tables with plain JDBC batches. Writes join the caller's
 * transaction (the chunk's), so a rolled-back chunk leaves no staged rows behind.
 */
@Repository
public class StagingRepository {

    /** Excel's limit for one cell; longer text is cut and reported where it is read. */
    public static final int MAX_TEXT = 32_767;

    /**
     * Joins a staged-row table aliased {@code t} to its submission {@code s} and keeps the rows of
     * the standing (not superseded) submission-years of a run within a period. Parameters: run id,
     * first year, last year.
     */
    public static final String STANDING_ROWS = """
            JOIN ta_submission s ON s.run_id = t.run_id AND s.submission_id = t.submission_id
            JOIN ta_submission_year y ON y.run_id = t.run_id AND y.submission_id = t.submission_id
                AND y.report_year = t.report_year AND y.status = 'STANDING'
            WHERE t.run_id = ? AND t.report_year BETWEEN ? AND ?
            """;

    private final JdbcTemplate jdbc;

    public StagingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        for (String table : List.of("ta_run_output", "ta_reused_submission", "ta_normalised_with", "ta_data_quality",
                "ta_passed_row", "ta_route", "ta_modus_operandi", "ta_indicator", "ta_submission_year",
                "ta_submission")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }

    /** Removes the staged rows of every run but the given one (called when a run has completed). */
    public void deleteOtherRuns(long runId) {
        for (String table : List.of("ta_run_output", "ta_reused_submission", "ta_normalised_with", "ta_data_quality",
                "ta_passed_row", "ta_route", "ta_modus_operandi", "ta_indicator", "ta_submission_year",
                "ta_submission")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id <> ?", runId);
        }
    }

    public void deleteImportedRows(long runId, int submissionId) {
        for (String table : List.of("ta_data_quality", "ta_passed_row", "ta_route", "ta_modus_operandi",
                "ta_indicator")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND submission_id = ?", runId, submissionId);
        }
    }

    /** Records that rows of a submission were normalised with the given reference data (once per pair). */
    public void recordNormalisedWith(long runId, int submissionId, String fingerprint) {
        jdbc.update("""
                MERGE INTO ta_normalised_with t USING (VALUES (CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS VARCHAR(200))))
                    AS v (run_id, submission_id, fingerprint)
                ON t.run_id = v.run_id AND t.submission_id = v.submission_id AND t.fingerprint = v.fingerprint
                WHEN NOT MATCHED THEN INSERT VALUES (v.run_id, v.submission_id, v.fingerprint)""",
                runId, submissionId, fingerprint);
    }

    /** Submissions of a run with staged rows normalised with reference data other than the given one. */
    public List<Integer> normalisedWithOtherThan(long runId, String fingerprint) {
        return jdbc.queryForList("SELECT DISTINCT submission_id FROM ta_normalised_with WHERE run_id = ? "
                + "AND fingerprint <> ? ORDER BY submission_id", Integer.class, runId, fingerprint);
    }

    /** After re-normalising a submission: its rows are now normalised with this reference data only. */
    public void replaceNormalisedWith(long runId, int submissionId, String fingerprint) {
        jdbc.update("DELETE FROM ta_normalised_with WHERE run_id = ? AND submission_id = ?", runId, submissionId);
        recordNormalisedWith(runId, submissionId, fingerprint);
    }

    public void insertSubmission(long runId, SubmissionRecord s) {
        jdbc.update("""
                INSERT INTO ta_submission (run_id, submission_id, relative_path, size_bytes, fingerprint, status,
                    reason, member_state, reporting_entity, submitter, member_state_raw, entity_raw, period_from,
                    period_to, submission_date, revision, template_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, s.submissionId(), s.relativePath(), s.sizeBytes(), s.fingerprint(), s.status(),
                cut(s.reason()), s.memberState(), s.reportingEntity(), s.submitter(), cut(s.memberStateRaw()),
                cut(s.entityRaw()), s.periodFrom(), s.periodTo(),
                s.submissionDate() == null ? null : Date.valueOf(s.submissionDate()), s.revision(),
                cut(s.templateVersion()));
    }

    public void insertSubmissionYear(long runId, int submissionId, int year, String status, Integer supersededBy) {
        jdbc.update("INSERT INTO ta_submission_year (run_id, submission_id, report_year, status, superseded_by) "
                + "VALUES (?, ?, ?, ?, ?)", runId, submissionId, year, status, supersededBy);
    }

    public List<SubmissionRecord> submissions(long runId) {
        return jdbc.query("SELECT * FROM ta_submission WHERE run_id = ? ORDER BY submission_id",
                (rs, i) -> new SubmissionRecord(rs.getInt("submission_id"), rs.getString("relative_path"),
                        (Long) rs.getObject("size_bytes", Long.class), rs.getString("fingerprint"),
                        rs.getString("status"), rs.getString("reason"), rs.getString("member_state"),
                        rs.getString("reporting_entity"), rs.getString("submitter"),
                        rs.getString("member_state_raw"), rs.getString("entity_raw"),
                        (Integer) rs.getObject("period_from", Integer.class),
                        (Integer) rs.getObject("period_to", Integer.class),
                        rs.getDate("submission_date") == null ? null : rs.getDate("submission_date").toLocalDate(),
                        (Integer) rs.getObject("revision", Integer.class), rs.getString("template_version")),
                runId);
    }

    public SubmissionRecord submission(long runId, int submissionId) {
        return submissions(runId).stream().filter(s -> s.submissionId() == submissionId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Submission " + submissionId + " of run " + runId
                        + " is not registered"));
    }

    public void insertIndicators(long runId, List<StagedRows.Indicator> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO ta_indicator (run_id, submission_id, sheet_row, source, report_year, crime_area,
                    crime_area_raw, indicator, indicator_raw, commodity, commodity_raw, value_status, value_raw,
                    reported_value, unit, unit_raw, normalised_value, normalised_unit, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, StagedRows.Indicator r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.submissionId());
                    ps.setInt(3, r.sheetRow());
                    ps.setString(4, r.source());
                    ps.setInt(5, r.year());
                    ps.setString(6, r.crimeArea());
                    ps.setString(7, cut(r.crimeAreaRaw()));
                    ps.setString(8, r.indicator());
                    ps.setString(9, cut(r.indicatorRaw()));
                    ps.setString(10, r.commodity());
                    ps.setString(11, cut(r.commodityRaw()));
                    ps.setString(12, r.valueStatus());
                    ps.setString(13, cut(r.valueRaw()));
                    ps.setBigDecimal(14, r.value());
                    ps.setString(15, r.unit());
                    ps.setString(16, cut(r.unitRaw()));
                    ps.setBigDecimal(17, r.normalisedValue());
                    ps.setString(18, r.normalisedUnit());
                    ps.setString(19, cut(r.notes()));
                });
    }

    public void insertModusOperandi(long runId, List<StagedRows.ModusOperandi> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO ta_modus_operandi (run_id, submission_id, sheet_row, source, report_year, crime_area,
                    crime_area_raw, mo_text, mo_code_raw, mo_code, match_method, confidence, suggestions, trend,
                    trend_raw, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, StagedRows.ModusOperandi r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.submissionId());
                    ps.setInt(3, r.sheetRow());
                    ps.setString(4, r.source());
                    ps.setInt(5, r.year());
                    ps.setString(6, r.crimeArea());
                    ps.setString(7, cut(r.crimeAreaRaw()));
                    ps.setString(8, cut(r.text()));
                    ps.setString(9, cut(r.codeRaw()));
                    ps.setString(10, r.code());
                    ps.setString(11, r.method());
                    ps.setDouble(12, r.confidence());
                    ps.setString(13, r.suggestions());
                    ps.setString(14, r.trend());
                    ps.setString(15, cut(r.trendRaw()));
                    ps.setString(16, cut(r.notes()));
                });
    }

    public void insertRoutes(long runId, List<StagedRows.Route> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO ta_route (run_id, submission_id, sheet_row, source, report_year, crime_area,
                    crime_area_raw, commodity, commodity_raw, route_text, countries, places, transport,
                    transport_raw, trend, trend_raw, route_problem, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, StagedRows.Route r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.submissionId());
                    ps.setInt(3, r.sheetRow());
                    ps.setString(4, r.source());
                    ps.setInt(5, r.year());
                    ps.setString(6, r.crimeArea());
                    ps.setString(7, cut(r.crimeAreaRaw()));
                    ps.setString(8, r.commodity());
                    ps.setString(9, cut(r.commodityRaw()));
                    ps.setString(10, cut(r.text()));
                    ps.setString(11, r.countries());
                    ps.setString(12, r.places());
                    ps.setString(13, r.transport());
                    ps.setString(14, cut(r.transportRaw()));
                    ps.setString(15, r.trend());
                    ps.setString(16, cut(r.trendRaw()));
                    ps.setString(17, r.problem());
                    ps.setString(18, cut(r.notes()));
                });
    }

    public void insertPassedRows(long runId, List<StagedRows.PassedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ta_passed_row (run_id, submission_id, sheet, sheet_row, kind) "
                + "VALUES (?, ?, ?, ?, ?)", rows, rows.size(), (PreparedStatement ps, StagedRows.PassedRow r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.submissionId());
                    ps.setString(3, r.sheet());
                    ps.setInt(4, r.sheetRow());
                    ps.setString(5, r.kind());
                });
    }

    public void insertDataQuality(long runId, List<StagedRows.DataQualityIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO ta_data_quality (run_id, submission_id, file_path, sheet, cell, sheet_row, bad_value,
                    reason, row_rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", issues, issues.size(),
                (PreparedStatement ps, StagedRows.DataQualityIssue d) -> {
                    ps.setLong(1, runId);
                    if (d.submissionId() == null) {
                        ps.setNull(2, Types.INTEGER);
                    } else {
                        ps.setInt(2, d.submissionId());
                    }
                    ps.setString(3, d.file());
                    ps.setString(4, d.sheet());
                    ps.setString(5, d.cell());
                    if (d.sheetRow() == null) {
                        ps.setNull(6, Types.INTEGER);
                    } else {
                        ps.setInt(6, d.sheetRow());
                    }
                    ps.setString(7, cut(d.value()));
                    ps.setString(8, cut(d.reason()));
                    ps.setBoolean(9, d.rowRejected());
                });
    }

    /** Streams a query's rows to the handler without holding the result in memory. */
    public void stream(String sql, RowCallbackHandler handler, Object... args) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(1000);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, handler);
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Rows of one submission found in staging: staged in a data table, rejected by a data-quality
     * finding, or passed over as blank or total. Equals the rows read when nothing was lost.
     */
    public long rowsAccountedFor(long runId, int submissionId) {
        return count("""
                SELECT (SELECT COUNT(*) FROM ta_indicator WHERE run_id = ?1 AND submission_id = ?2)
                     + (SELECT COUNT(*) FROM ta_modus_operandi WHERE run_id = ?1 AND submission_id = ?2)
                     + (SELECT COUNT(*) FROM ta_route WHERE run_id = ?1 AND submission_id = ?2)
                     + (SELECT COUNT(DISTINCT sheet || '!' || sheet_row) FROM ta_data_quality
                        WHERE run_id = ?1 AND submission_id = ?2 AND row_rejected AND sheet_row IS NOT NULL)
                     + (SELECT COUNT(*) FROM ta_passed_row WHERE run_id = ?1 AND submission_id = ?2)
                FROM (VALUES(0))""".replace("?1", "?").replace("?2", "?"),
                runId, submissionId, runId, submissionId, runId, submissionId, runId, submissionId, runId, submissionId);
    }

    /** The row tables a submission's import fills, in the order they are copied. */
    private static final List<String> IMPORTED_TABLES = List.of("ta_indicator", "ta_modus_operandi", "ta_route",
            "ta_passed_row", "ta_data_quality");

    /**
     * The newest run other than the given one that completed and whose staged rows are still in
     * the database (a completed run removes every other run's staging), or {@code null}.
     */
    public Long lastCompletedRunWithStaging(long runId) {
        return jdbc.queryForObject("""
                SELECT MAX(e.JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION e
                WHERE e.STATUS = 'COMPLETED' AND e.JOB_INSTANCE_ID <> ?
                  AND EXISTS (SELECT 1 FROM ta_submission s WHERE s.run_id = e.JOB_INSTANCE_ID)""", Long.class, runId);
    }

    /**
     * Copies the staged rows of one submission of an earlier run into this run, with INSERT ...
     * SELECT (new run id, new submission id), and records the reuse. Joins the caller's
     * transaction. Returns the rows copied.
     */
    public long copySubmissionRows(long fromRun, int fromSubmission, long toRun, int toSubmission) {
        long copied = 0;
        for (String table : IMPORTED_TABLES) {
            List<String> columns = jdbc.queryForList("SELECT LOWER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class,
                    table.toUpperCase(java.util.Locale.ROOT));
            List<String> rest = columns.stream().filter(c -> !c.equals("run_id") && !c.equals("submission_id")).toList();
            String list = String.join(", ", rest);
            copied += jdbc.update("INSERT INTO " + table + " (run_id, submission_id, " + list + ") SELECT ?, ?, " + list
                    + " FROM " + table + " WHERE run_id = ? AND submission_id = ?", toRun, toSubmission, fromRun,
                    fromSubmission);
        }
        // The copied rows keep the record of which reference data normalised them, so that
        // normaliseStaged re-normalises them exactly when that differs from this run's.
        jdbc.update("INSERT INTO ta_normalised_with (run_id, submission_id, fingerprint) SELECT ?, ?, fingerprint "
                + "FROM ta_normalised_with WHERE run_id = ? AND submission_id = ?", toRun, toSubmission, fromRun,
                fromSubmission);
        jdbc.update("INSERT INTO ta_reused_submission (run_id, submission_id, from_run, from_submission) "
                + "VALUES (?, ?, ?, ?)", toRun, toSubmission, fromRun, fromSubmission);
        return copied;
    }

    /** The submissions of a run whose rows were copied from an earlier run (they get no import partition). */
    public java.util.Set<Integer> reusedSubmissions(long runId) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "SELECT submission_id FROM ta_reused_submission WHERE run_id = ?", Integer.class, runId));
    }

    /** What a run's write step left in place; see {@code ta_run_output}. */
    public record RunOutput(long runId, String inputsFingerprint, String workbookPath, String workbookSha256,
            long writtenByRun, String importFingerprint, String referenceKey) {
    }

    public java.util.Optional<RunOutput> runOutput(long runId) {
        return jdbc.query("SELECT * FROM ta_run_output WHERE run_id = ?", (rs, i) -> new RunOutput(rs.getLong("run_id"),
                rs.getString("inputs_fingerprint"), rs.getString("workbook_path"), rs.getString("workbook_sha256"),
                rs.getLong("written_by_run"), rs.getString("import_fingerprint"), rs.getString("reference_key")), runId).stream().findFirst();
    }

    public void saveRunOutput(RunOutput output) {
        jdbc.update("DELETE FROM ta_run_output WHERE run_id = ?", output.runId());
        jdbc.update("INSERT INTO ta_run_output (run_id, inputs_fingerprint, workbook_path, workbook_sha256, "
                + "written_by_run, import_fingerprint, reference_key) VALUES (?, ?, ?, ?, ?, ?, ?)", output.runId(),
                output.inputsFingerprint(), output.workbookPath(), output.workbookSha256(), output.writtenByRun(),
                output.importFingerprint(), output.referenceKey());
    }

    /** The run the given run copied unchanged submissions from, or {@code null} if it copied none. */
    public Long reuseSource(long runId) {
        return jdbc.queryForObject("SELECT MAX(from_run) FROM ta_reused_submission WHERE run_id = ?", Long.class, runId);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

}
