package org.threatanalysis.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.threatanalysis.support.Workspace;

/** Row counts of the staging tables, read straight from a workspace's database (no job running). */
record StagingCounts(long submissions, long indicators, long modusOperandi, long routes, long dataQuality,
        long passedRows) {

    static StagingCounts of(Workspace workspace) {
        try (Connection connection = connect(workspace);
                Statement statement = connection.createStatement()) {
            return new StagingCounts(count(statement, "ta_submission"), stagedRows(statement, "indicator", ""),
                    stagedRows(statement, "modus_operandi", ""), stagedRows(statement, "route", ""),
                    count(statement, "ta_data_quality"), count(statement, "ta_passed_row"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The staged rows (indicators, modus operandi, routes) whose rows key is the run in the
     * database (after a completed run there is one), that is the rows that run imported itself.
     */
    static long rowsImportedByTheRun(Workspace workspace) {
        try (Connection connection = connect(workspace);
                Statement statement = connection.createStatement()) {
            long rows = 0;
            for (String table : new String[] {"indicator", "modus_operandi", "route"}) {
                rows += stagedRows(statement, table, " AND run_id = (SELECT MAX(run_id) FROM ta_submission)");
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties staging tables, as a version of the job that did not have them would have left them. */
    static void empty(Workspace workspace, String... tables) {
        try (Connection connection = connect(workspace);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Workspace workspace) throws SQLException {
        String url = "jdbc:hsqldb:file:" + workspace.database().toAbsolutePath() + "/consolidation;shutdown=true;ifexists=true";
        return DriverManager.getConnection(url, "SA", "");
    }

    /** The rows staged in a table's blocks (each block says how many rows it holds). */
    private static long stagedRows(Statement statement, String rowTable, String condition) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT COALESCE(SUM(row_count), 0) FROM ta_row_block WHERE row_table = '"
                + rowTable + "'" + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
