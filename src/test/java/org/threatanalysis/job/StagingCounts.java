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
        String url = "jdbc:hsqldb:file:" + workspace.database().toAbsolutePath() + "/consolidation;shutdown=true;ifexists=true";
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement statement = connection.createStatement()) {
            return new StagingCounts(count(statement, "ta_submission"), count(statement, "ta_indicator"),
                    count(statement, "ta_modus_operandi"), count(statement, "ta_route"),
                    count(statement, "ta_data_quality"), count(statement, "ta_passed_row"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
