package org.threatanalysis.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The step executions recorded in a workspace's job repository, read straight from its tables (no job running). */
public record StepRows(long jobExecutionId, String stepName, String status, long readCount, long writeCount,
        long commitCount) {

    public static List<StepRows> of(Workspace workspace) {
        String url = "jdbc:hsqldb:file:" + workspace.database().toAbsolutePath() + "/consolidation;shutdown=true;ifexists=true";
        List<StepRows> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, "
                        + "WRITE_COUNT, COMMIT_COUNT FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                rows.add(new StepRows(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The job executions in the order they ran. */
    public static List<Long> executions(List<StepRows> rows) {
        return rows.stream().map(StepRows::jobExecutionId).distinct().sorted().toList();
    }

    public static List<String> stepNames(List<StepRows> rows, long jobExecutionId) {
        return rows.stream().filter(r -> r.jobExecutionId() == jobExecutionId).map(StepRows::stepName).toList();
    }
}
