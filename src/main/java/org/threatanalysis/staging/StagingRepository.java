package org.threatanalysis.staging;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the staging tables with plain JDBC batches. Writes join the caller's
 * transaction (the chunk's), so a rolled-back chunk leaves no staged rows behind.
 */
@Repository
public class StagingRepository {

    /** Excel's limit for one cell; longer text is cut and reported where it is read. */
    public static final int MAX_TEXT = 32_767;

    // The sizes of the columns that keep text taken from the files (staging-schema.sql).
    static final int REASON_COLUMN = 4_000;
    static final int AS_SUBMITTED_COLUMN = 1_000;
    static final int TEMPLATE_VERSION_COLUMN = 50;
    static final int DATA_QUALITY_SHEET_COLUMN = 100;
    static final int PASSED_ROW_SHEET_COLUMN = 40;

    /** The tables that hold a submission's imported rows, all keyed by its {@link RowsKey}. */
    private static final List<String> ROW_TABLES = List.of("ta_row_count", "ta_normalised_with", "ta_data_quality",
            "ta_passed_row", "ta_row_block");

    /** The tables that describe a run (keyed by run id), in the order they are deleted. */
    private static final List<String> RUN_TABLES = List.of("ta_run_output", "ta_reused_submission",
            "ta_submission_rows", "ta_submission_year", "ta_submission");

    /**
     * The staged rows of a run's standing (not superseded) submission-years within a period, from
     * a staged-row table that the rest of the query calls {@code t}, its submission {@code s}
     * (this run's) and the submission-year {@code y}. Rows are reached through the submission's
     * rows key, so rows imported by an earlier run for an unchanged file are read in place.
     * Parameters: run id, first year, last year.
     */
    public static String standingRows(String table) {
        return """
                ta_submission s
                JOIN ta_submission_rows k ON k.run_id = s.run_id AND k.submission_id = s.submission_id
                JOIN ta_submission_year y ON y.run_id = s.run_id AND y.submission_id = s.submission_id
                    AND y.status = 'STANDING'
                JOIN %s t ON t.run_id = k.rows_run AND t.submission_id = k.rows_submission
                    AND t.report_year = y.report_year
                WHERE s.run_id = ? AND y.report_year BETWEEN ? AND ?
                """.formatted(table);
    }

    /**
     * The rows of a run's submissions (every accepted one, superseded years included) from a
     * row table called {@code t}, with this run's submission id as {@code k.submission_id}.
     * Parameter: run id.
     */
    public static String runRows(String table) {
        return """
                ta_submission_rows k
                JOIN %s t ON t.run_id = k.rows_run AND t.submission_id = k.rows_submission
                WHERE k.run_id = ?
                """.formatted(table);
    }

    private final JdbcTemplate jdbc;

    public StagingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes what a run registered and the rows it imported itself (called when its registration
     * starts again). Rows it reused belong to an earlier import and stay.
     */
    public void deleteRun(long runId) {
        for (String table : ROW_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
        for (String table : RUN_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }

    /**
     * Removes every other run (called when a run has completed), and the staged rows that the
     * completed run does not read. Deletes by rows key, through the primary keys, so that rows
     * the run reads are not even visited.
     */
    public void deleteOtherRuns(long runId) {
        List<RowsKey> unused = jdbc.query("""
                SELECT DISTINCT o.rows_run, o.rows_submission FROM (
                    SELECT run_id AS rows_run, submission_id AS rows_submission FROM ta_submission WHERE run_id <> ?
                    UNION SELECT rows_run, rows_submission FROM ta_submission_rows WHERE run_id <> ?) o
                WHERE NOT EXISTS (SELECT 1 FROM ta_submission_rows k WHERE k.run_id = ?
                    AND k.rows_run = o.rows_run AND k.rows_submission = o.rows_submission)""",
                (rs, i) -> new RowsKey(rs.getLong(1), rs.getInt(2)), runId, runId, runId);
        for (RowsKey key : unused) {
            deleteImportedRows(key);
        }
        for (String table : RUN_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id <> ?", runId);
        }
    }

    /** Removes the rows of one import (before a partition imports its submission again). */
    public void deleteImportedRows(RowsKey key) {
        for (String table : ROW_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND submission_id = ?", key.run(), key.submission());
        }
    }

    /**
     * Where a submission's staged rows are: the import that read them, named by the run and the
     * submission id it had in that run. A run reads the rows of an unchanged file where an
     * earlier run imported them instead of importing or copying them again.
     */
    public record RowsKey(long run, int submission) {
    }

    /**
     * Brings staging written by a version of the job without rows keys and row counts up to
     * date, so that a run it left failed can be restarted, and its last completed run reused,
     * after an upgrade: each accepted submission without a rows key reads its own import's rows,
     * and those rows are counted (a partly imported submission's later chunks add their own
     * counts). Does nothing, cheaply, when there is nothing to upgrade.
     */
    @Transactional
    public void upgradeFromEarlierVersion() {
        for (RowTable table : RowTable.values()) {
            moveRowsIntoBlocks(table);
        }
        List<RowsKey> missing = jdbc.query("""
                SELECT s.run_id, s.submission_id FROM ta_submission s WHERE s.status = 'ACCEPTED'
                AND NOT EXISTS (SELECT 1 FROM ta_submission_rows k WHERE k.run_id = s.run_id
                    AND k.submission_id = s.submission_id)""", (rs, i) -> new RowsKey(rs.getLong(1), rs.getInt(2)));
        for (RowsKey key : missing) {
            setRowsKey(key.run(), key.submission(), key);
            countRows(key);
        }
    }

    /**
     * A version of the job before row blocks kept one database row per sheet row, in a table per
     * kind ({@code ta_indicator}, {@code ta_modus_operandi}, {@code ta_route}): their rows are put
     * into blocks under the same rows keys, and the old table is dropped.
     */
    private void moveRowsIntoBlocks(RowTable table) {
        String old = "TA_" + table.tableName().toUpperCase(java.util.Locale.ROOT);
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = ?", Integer.class, old);
        if (exists == null || exists == 0) {
            return;
        }
        List<StagedRows.Staged> rows = new java.util.ArrayList<>();
        RowsKey[] current = {null};
        stream("SELECT * FROM " + old + " ORDER BY run_id, submission_id, sheet_row", rs -> {
            RowsKey key = new RowsKey(rs.getLong("run_id"), rs.getInt("submission_id"));
            if (!key.equals(current[0]) || rows.size() == 2000) {
                if (current[0] != null) {
                    insertRows(current[0], rows);
                }
                rows.clear();
                current[0] = key;
            }
            rows.add(oldRow(table, rs));
        });
        if (current[0] != null) {
            insertRows(current[0], rows);
        }
        jdbc.execute("DROP TABLE " + old);
    }

    private static StagedRows.Staged oldRow(RowTable table, java.sql.ResultSet rs) throws java.sql.SQLException {
        int submission = rs.getInt("submission_id");
        int row = rs.getInt("sheet_row");
        return switch (table) {
            case INDICATOR -> new StagedRows.Indicator(submission, row, rs.getString("source"), rs.getInt("report_year"),
                    rs.getString("crime_area"), rs.getString("crime_area_raw"), rs.getString("indicator"),
                    rs.getString("indicator_raw"), rs.getString("commodity"), rs.getString("commodity_raw"),
                    rs.getString("value_status"), rs.getString("value_raw"), rs.getBigDecimal("reported_value"),
                    rs.getString("unit"), rs.getString("unit_raw"), rs.getBigDecimal("normalised_value"),
                    rs.getString("normalised_unit"), rs.getString("notes"));
            case MODUS_OPERANDI -> new StagedRows.ModusOperandi(submission, row, rs.getString("source"),
                    rs.getInt("report_year"), rs.getString("crime_area"), rs.getString("crime_area_raw"),
                    rs.getString("mo_text"), rs.getString("mo_code_raw"), rs.getString("mo_code"),
                    rs.getString("match_method"), rs.getDouble("confidence"), rs.getString("suggestions"),
                    rs.getString("trend"), rs.getString("trend_raw"), rs.getString("notes"));
            case ROUTE -> new StagedRows.Route(submission, row, rs.getString("source"), rs.getInt("report_year"),
                    rs.getString("crime_area"), rs.getString("crime_area_raw"), rs.getString("commodity"),
                    rs.getString("commodity_raw"), rs.getString("route_text"), rs.getString("countries"),
                    rs.getString("places"), rs.getString("transport"), rs.getString("transport_raw"),
                    rs.getString("trend"), rs.getString("trend_raw"), rs.getString("route_problem"),
                    rs.getString("notes"));
        };
    }

    /** Records where the rows of a run's submission are (its own import, or an earlier one). */
    public void setRowsKey(long runId, int submissionId, RowsKey key) {
        jdbc.update("DELETE FROM ta_submission_rows WHERE run_id = ? AND submission_id = ?", runId, submissionId);
        jdbc.update("INSERT INTO ta_submission_rows (run_id, submission_id, rows_run, rows_submission) VALUES (?, ?, ?, ?)",
                runId, submissionId, key.run(), key.submission());
    }

    /** Where the rows of a run's submission are, if recorded. */
    public java.util.Optional<RowsKey> rowsKey(long runId, int submissionId) {
        return jdbc.query("SELECT rows_run, rows_submission FROM ta_submission_rows WHERE run_id = ? AND submission_id = ?",
                (rs, i) -> new RowsKey(rs.getLong(1), rs.getInt(2)), runId, submissionId).stream().findFirst();
    }

    /** Rows and flagged rows by year and row table, gathered from a chunk before they are added. */
    public static final class RowCounts {

        private final Map<String, long[]> counts = new java.util.LinkedHashMap<>();

        public void add(int year, String rowTable, boolean flagged) {
            long[] c = counts.computeIfAbsent(year + "|" + rowTable, k -> new long[2]);
            c[0]++;
            if (flagged) {
                c[1]++;
            }
        }
    }

    /** Adds a chunk's rows to an import's counts (one row per year and table); joins the chunk's transaction. */
    public void addRowCounts(RowsKey key, RowCounts chunk) {
        if (chunk.counts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        chunk.counts.forEach((yearAndTable, c) -> {
            int bar = yearAndTable.indexOf('|');
            rows.add(new Object[] {key.run(), key.submission(), Integer.parseInt(yearAndTable.substring(0, bar)),
                    yearAndTable.substring(bar + 1), c[0], c[1]});
        });
        // Plain inserts, summed when read: a MERGE here made the two import partitions' chunk
        // transactions wait for each other in HSQLDB.
        jdbc.batchUpdate("INSERT INTO ta_row_count (run_id, submission_id, report_year, row_table, row_count, flagged)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Counts the staged rows of one import by year and table into {@code ta_row_count} afresh,
     * after its rows were re-normalised (the import adds each chunk's counts as it writes it):
     * the overview, the submissions sheet and the run summary read these few rows instead of
     * counting large tables. {@code flagged}: modus operandi without a code; routes with a problem.
     * In one transaction (it joins the caller's), so that the counts of an import are all there or none.
     */
    @Transactional
    public void countRows(RowsKey key) {
        Object[] args = {key.run(), key.submission()};
        jdbc.update("DELETE FROM ta_row_count WHERE run_id = ? AND submission_id = ?", args);
        String where = " WHERE run_id = ? AND submission_id = ? ";
        jdbc.update("INSERT INTO ta_row_count SELECT run_id, submission_id, report_year, row_table, SUM(row_count),"
                + " SUM(flagged) FROM ta_row_block" + where + "GROUP BY run_id, submission_id, report_year, row_table",
                args);
        jdbc.update("INSERT INTO ta_row_count SELECT run_id, submission_id, 0, LOWER(kind), COUNT(*), 0"
                + " FROM ta_passed_row" + where + "GROUP BY run_id, submission_id, kind", args);
        jdbc.update("INSERT INTO ta_row_count SELECT run_id, submission_id, 0, 'rejected',"
                + " COUNT(DISTINCT sheet || '!' || sheet_row), 0 FROM ta_data_quality" + where
                + "AND row_rejected AND sheet_row IS NOT NULL GROUP BY run_id, submission_id", args);
    }

    /** Records that rows of an import were normalised with the given reference data (once per pair). */
    public void recordNormalisedWith(long runId, int submissionId, String fingerprint) {
        jdbc.update("""
                MERGE INTO ta_normalised_with t USING (VALUES (CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS VARCHAR(200))))
                    AS v (run_id, submission_id, fingerprint)
                ON t.run_id = v.run_id AND t.submission_id = v.submission_id AND t.fingerprint = v.fingerprint
                WHEN NOT MATCHED THEN INSERT VALUES (v.run_id, v.submission_id, v.fingerprint)""",
                runId, submissionId, fingerprint);
    }

    /**
     * The rows keys of a run's submissions whose rows were normalised with reference data other
     * than the given one, in submission order.
     */
    public List<RowsKey> normalisedWithOtherThan(long runId, String fingerprint) {
        return jdbc.query("SELECT DISTINCT k.submission_id, k.rows_run, k.rows_submission FROM ta_submission_rows k"
                + " JOIN ta_normalised_with n ON n.run_id = k.rows_run AND n.submission_id = k.rows_submission"
                + " WHERE k.run_id = ? AND n.fingerprint <> ? ORDER BY k.submission_id",
                (rs, i) -> new RowsKey(rs.getLong(2), rs.getInt(3)), runId, fingerprint);
    }

    /** After re-normalising an import's rows: they are now normalised with this reference data only. */
    public void replaceNormalisedWith(RowsKey key, String fingerprint) {
        jdbc.update("DELETE FROM ta_normalised_with WHERE run_id = ? AND submission_id = ?", key.run(), key.submission());
        recordNormalisedWith(key.run(), key.submission(), fingerprint);
    }

    public void insertSubmission(long runId, SubmissionRecord s) {
        jdbc.update("""
                INSERT INTO ta_submission (run_id, submission_id, relative_path, size_bytes, fingerprint, status,
                    reason, member_state, reporting_entity, submitter, member_state_raw, entity_raw, period_from,
                    period_to, submission_date, revision, template_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, s.submissionId(), s.relativePath(), s.sizeBytes(), s.fingerprint(), s.status(),
                fit(s.reason(), REASON_COLUMN), s.memberState(), s.reportingEntity(), s.submitter(),
                fit(s.memberStateRaw(), AS_SUBMITTED_COLUMN), fit(s.entityRaw(), AS_SUBMITTED_COLUMN), s.periodFrom(),
                s.periodTo(), s.submissionDate() == null ? null : Date.valueOf(s.submissionDate()), s.revision(),
                fit(s.templateVersion(), TEMPLATE_VERSION_COLUMN));
    }

    /**
     * Records a submission that broke the reading budget, or turned out damaged, while it was
     * imported: the rows its earlier chunks staged are removed, and it is registered as rejected
     * with the reason and without cover-sheet fields or years, as if registration had rejected it.
     * In the caller's (the chunk's) transaction. The import step then decides again which
     * submission stands for each year ({@link #insertSubmissionYear}).
     */
    public void rejectAtImport(long runId, int submissionId, String reason) {
        deleteImportedRows(new RowsKey(runId, submissionId));
        jdbc.update("DELETE FROM ta_submission_rows WHERE run_id = ? AND submission_id = ?", runId, submissionId);
        jdbc.update("DELETE FROM ta_submission_year WHERE run_id = ? AND submission_id = ?", runId, submissionId);
        jdbc.update("UPDATE ta_submission SET status = 'REJECTED', reason = ?, member_state = NULL,"
                + " reporting_entity = NULL, submitter = NULL, member_state_raw = NULL, entity_raw = NULL,"
                + " period_from = NULL, period_to = NULL, submission_date = NULL, revision = NULL,"
                + " template_version = NULL WHERE run_id = ? AND submission_id = ?",
                fit(reason, REASON_COLUMN), runId, submissionId);
    }

    /** Removes a run's year-by-year decisions, before they are made again. */
    public void deleteSubmissionYears(long runId) {
        jdbc.update("DELETE FROM ta_submission_year WHERE run_id = ?", runId);
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

    /** Largest compressed block kept in one database row; a larger group of rows is split. */
    private static final int MAX_BLOCK_BYTES = 8 << 20;

    /**
     * Stages a chunk's data rows of one import as blocks ({@code ta_row_block}): one block per
     * table and year, its rows in the sheet's order. Joins the chunk's transaction.
     */
    public void insertRows(RowsKey key, List<? extends StagedRows.Staged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<StagedRows.Staged>> groups = new java.util.TreeMap<>();
        for (StagedRows.Staged row : rows) {
            groups.computeIfAbsent(RowTable.of(row).tableName() + "|" + RowTable.year(row),
                    g -> new java.util.ArrayList<>()).add(row);
        }
        List<Object[]> blocks = new java.util.ArrayList<>();
        for (List<StagedRows.Staged> group : groups.values()) {
            RowTable table = RowTable.of(group.get(0));
            addBlocks(key, table, RowTable.year(group.get(0)), table.inBlockOrder(group), blocks);
        }
        insertBlocks(blocks);
    }

    private static void addBlocks(RowsKey key, RowTable table, int year, List<StagedRows.Staged> rows,
            List<Object[]> blocks) {
        RowBlockCodec.Encoded block = RowBlockCodec.encode(table, rows);
        if (block.data().length > MAX_BLOCK_BYTES && rows.size() > 1) {
            // Each half stays in order, with its own smallest row as key.
            addBlocks(key, table, year, rows.subList(0, rows.size() / 2), blocks);
            addBlocks(key, table, year, rows.subList(rows.size() / 2, rows.size()), blocks);
            return;
        }
        blocks.add(new Object[] {key.run(), key.submission(), table.tableName(), year, block.firstRow(), block.rows(),
                block.flagged(), block.data()});
    }

    private void insertBlocks(List<Object[]> blocks) {
        if (!blocks.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ta_row_block (run_id, submission_id, row_table, report_year, first_row,"
                    + " row_count, flagged, rows_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", blocks);
        }
    }

    /** A block of staged rows as read back, with the submission of the reading run it belongs to. */
    public record Block(RowTable table, RowsKey key, int year, int firstRow, int rows, byte[] data,
            int submissionId, String relativePath, String submitter, String memberState) {

        /** The block's rows in their stored order, read as they are decompressed. */
        public <T extends StagedRows.Staged> java.util.Iterator<T> rowIterator() {
            return RowBlockCodec.rows(table, key.submission(), data, rows);
        }

        public <T extends StagedRows.Staged> List<T> readRows() {
            return RowBlockCodec.readAll(table, key.submission(), data, rows);
        }
    }

    /**
     * The blocks of a table in a run's standing submission-years within a period, with the
     * reading run's submission (path, submitter, member state), one at a time. {@code filter} adds
     * conditions on {@code s} (submission), {@code y} (year) or {@code t} (block), its parameters
     * after the period's; {@code order} orders the blocks.
     *
     * <p>The blocks are listed first and then read one by one: HSQLDB builds a result whole before
     * handing out its first row, in memory under {@code RESULT MEMORY ROWS}, and a table's blocks
     * are far fewer rows than that but far more bytes than the heap should hold.
     */
    public void standingBlocks(RowTable table, long runId, int from, int to, String filter, String order,
            java.util.function.Consumer<Block> handler, Object... filterArgs) {
        Object[] args = new Object[3 + filterArgs.length + 1];
        args[0] = runId;
        args[1] = from;
        args[2] = to;
        System.arraycopy(filterArgs, 0, args, 3, filterArgs.length);
        args[args.length - 1] = table.tableName();
        List<Block> listed = new java.util.ArrayList<>();
        stream("SELECT t.run_id, t.submission_id, t.report_year, t.first_row, t.row_count,"
                + " s.submission_id AS run_submission, s.relative_path, s.submitter, s.member_state FROM "
                + standingRows("ta_row_block") + filter + " AND t.row_table = ? ORDER BY " + order,
                rs -> listed.add(new Block(table, new RowsKey(rs.getLong(1), rs.getInt(2)), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), null, rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9))), args);
        withData(listed, handler);
    }

    /** The blocks of one import's table, in key order (no submission details), one at a time. */
    public void importBlocks(RowsKey key, RowTable table, java.util.function.Consumer<Block> handler) {
        List<Block> listed = jdbc.query("SELECT report_year, first_row, row_count FROM ta_row_block"
                + " WHERE run_id = ? AND submission_id = ? AND row_table = ? ORDER BY report_year, first_row",
                (rs, i) -> new Block(table, key, rs.getInt(1), rs.getInt(2), rs.getInt(3), null, key.submission(), null,
                        null, null), key.run(), key.submission(), table.tableName());
        withData(listed, handler);
    }

    /**
     * Hands each listed block on with its rows, read one block at a time through one prepared
     * statement: preparing it per block had HSQLDB parse the same query hundreds of times a run.
     */
    private void withData(List<Block> listed, java.util.function.Consumer<Block> handler) {
        if (listed.isEmpty()) {
            return;
        }
        jdbc.execute((Connection con) -> {
            try (PreparedStatement select = con.prepareStatement("SELECT rows_data FROM ta_row_block WHERE run_id = ?"
                    + " AND submission_id = ? AND row_table = ? AND report_year = ? AND first_row = ?")) {
                for (Block block : listed) {
                    select.setLong(1, block.key().run());
                    select.setInt(2, block.key().submission());
                    select.setString(3, block.table().tableName());
                    select.setInt(4, block.year());
                    select.setInt(5, block.firstRow());
                    byte[] data;
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new EmptyResultDataAccessException(
                                    "Block " + block.firstRow() + " of " + block.table().tableName() + " is gone", 1);
                        }
                        data = rs.getBytes(1);
                    }
                    handler.accept(new Block(block.table(), block.key(), block.year(), block.firstRow(), block.rows(),
                            data, block.submissionId(), block.relativePath(), block.submitter(), block.memberState()));
                }
            }
            return null;
        });
    }

    /** Replaces a block's rows (same rows, normalised again), kept in the block's order. */
    public void replaceBlock(Block block, List<? extends StagedRows.Staged> rows) {
        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(block.table(), block.table().inBlockOrder(rows));
        jdbc.update("UPDATE ta_row_block SET row_count = ?, flagged = ?, rows_data = ? WHERE run_id = ?"
                + " AND submission_id = ? AND row_table = ? AND report_year = ? AND first_row = ?", encoded.rows(),
                encoded.flagged(), encoded.data(), block.key().run(), block.key().submission(),
                block.table().tableName(), block.year(), block.firstRow());
    }

    public void insertPassedRows(long runId, List<StagedRows.PassedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ta_passed_row (run_id, submission_id, sheet, sheet_row, kind) "
                + "VALUES (?, ?, ?, ?, ?)", rows, rows.size(), (PreparedStatement ps, StagedRows.PassedRow r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.submissionId());
                    ps.setString(3, fit(r.sheet(), PASSED_ROW_SHEET_COLUMN));
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
                    ps.setString(4, fit(d.sheet(), DATA_QUALITY_SHEET_COLUMN));
                    ps.setString(5, d.cell());
                    if (d.sheetRow() == null) {
                        ps.setNull(6, Types.INTEGER);
                    } else {
                        ps.setInt(6, d.sheetRow());
                    }
                    ps.setString(7, cut(d.value()));
                    ps.setString(8, fit(d.reason(), REASON_COLUMN));
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
     * Rows of one import found in staging: staged in a data table, rejected by a data-quality
     * finding, or passed over as blank or total. Equals the rows read when nothing was lost.
     */
    public long rowsAccountedFor(RowsKey key) {
        long runId = key.run();
        int submissionId = key.submission();
        return count("""
                SELECT (SELECT COALESCE(SUM(row_count), 0) FROM ta_row_block WHERE run_id = ?1 AND submission_id = ?2)
                     + (SELECT COUNT(DISTINCT sheet || '!' || sheet_row) FROM ta_data_quality
                        WHERE run_id = ?1 AND submission_id = ?2 AND row_rejected AND sheet_row IS NOT NULL)
                     + (SELECT COUNT(*) FROM ta_passed_row WHERE run_id = ?1 AND submission_id = ?2)
                FROM (VALUES(0))""".replace("?1", "?").replace("?2", "?"),
                runId, submissionId, runId, submissionId, runId, submissionId);
    }

    /**
     * The rows of a table ({@code indicator}, {@code modus_operandi}, {@code route}) in a run's
     * standing submission-years within a period, from the counts: {rows, flagged}.
     */
    public long[] standingRowCount(long runId, int from, int to, String rowTable) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(c.row_count), 0), COALESCE(SUM(c.flagged), 0) FROM ta_submission_rows k
                JOIN ta_submission_year y ON y.run_id = k.run_id AND y.submission_id = k.submission_id
                    AND y.status = 'STANDING'
                JOIN ta_row_count c ON c.run_id = k.rows_run AND c.submission_id = k.rows_submission
                    AND c.report_year = y.report_year AND c.row_table = ?
                WHERE k.run_id = ? AND y.report_year BETWEEN ? AND ?""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, rowTable, runId, from, to);
    }

    /**
     * A run's counts per submission (this run's ids) and row table, every year: {rows, flagged}
     * by row table ({@code indicator}, {@code modus_operandi}, {@code route}, {@code blank},
     * {@code total}, {@code rejected}).
     */
    public Map<Integer, Map<String, long[]>> rowCountsBySubmission(long runId) {
        Map<Integer, Map<String, long[]>> counts = new HashMap<>();
        stream("""
                SELECT k.submission_id, c.row_table, SUM(c.row_count), SUM(c.flagged) FROM ta_submission_rows k
                JOIN ta_row_count c ON c.run_id = k.rows_run AND c.submission_id = k.rows_submission
                WHERE k.run_id = ? GROUP BY k.submission_id, c.row_table""",
                rs -> counts.computeIfAbsent(rs.getInt(1), id -> new HashMap<>()).put(rs.getString(2),
                        new long[] {rs.getLong(3), rs.getLong(4)}), runId);
        return counts;
    }

    /** The rows an import left in staging, from its counts: staged, rejected and passed over. */
    public long rowsCountedFor(RowsKey key) {
        return count("SELECT COALESCE(SUM(row_count), 0) FROM ta_row_count WHERE run_id = ? AND submission_id = ?",
                key.run(), key.submission());
    }

    /**
     * The newest run other than the given one that completed and whose staging is still in the
     * database (a completed run removes every other run's), or {@code null}.
     */
    public Long lastCompletedRunWithStaging(long runId) {
        return jdbc.queryForObject("""
                SELECT MAX(e.JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION e
                WHERE e.STATUS = 'COMPLETED' AND e.JOB_INSTANCE_ID <> ?
                  AND EXISTS (SELECT 1 FROM ta_submission s WHERE s.run_id = e.JOB_INSTANCE_ID)""", Long.class, runId);
    }

    /**
     * Lets a submission of this run read the rows an earlier run staged for the same file (same
     * path and SHA-256), in place: nothing is copied. Records the reuse. Returns the rows reused.
     */
    public long reuseSubmissionRows(long fromRun, int fromSubmission, long toRun, int toSubmission) {
        RowsKey key = rowsKey(fromRun, fromSubmission).orElseThrow(() -> new IllegalStateException(
                "Submission " + fromSubmission + " of run " + fromRun + " has no staged rows to reuse"));
        setRowsKey(toRun, toSubmission, key);
        jdbc.update("INSERT INTO ta_reused_submission (run_id, submission_id, from_run, from_submission) "
                + "VALUES (?, ?, ?, ?)", toRun, toSubmission, fromRun, fromSubmission);
        return rowsCountedFor(key);
    }

    /** The submissions of a run whose rows an earlier run staged (they get no import partition). */
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

    /**
     * Text from a file fitted to the column that keeps it: its start and its end, an ellipsis
     * between. A clerk can type a cell of any length where a name or a year belongs and a reason
     * quotes it, so the end (what is wrong) is kept as well as the start; an insert that failed on
     * such text would stop the whole run.
     */
    static String fit(String text, int columnSize) {
        if (text == null || text.length() <= columnSize) {
            return text;
        }
        int tail = Math.min(200, columnSize / 4);
        int head = columnSize - 1 - tail;
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--; // never half a character
            tail++;
        }
        int tailStart = text.length() - tail;
        if (Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        return text.substring(0, head) + "…" + text.substring(tailStart);
    }

}
