package org.threatanalysis.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.StepRows;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.Workspace;

/**
 * Every command that used the database leaves it shut down when it ends, also when the run
 * failed: checkpointed (no log to replay at the next start) and its lock file released, while the
 * process that ran the command (here the test's own) goes on.
 */
class DatabaseShutdownTest {

    @TempDir
    Path temp;

    @Test
    void shouldLeaveTheDatabaseShutDownAfterEveryCommand() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("shut-down"));

        CliRun failed = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", "writeWorkbook"), workspace::run);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertShutDown(workspace);

        CliRun restarted = workspace.restart();
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertShutDown(workspace);

        CliRun status = workspace.status();
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertShutDown(workspace);
        // What the commands committed is there for the next process to open.
        assertThat(StepRows.executions(StepRows.of(workspace))).hasSize(2);
    }

    private static void assertShutDown(Workspace workspace) {
        assertThat(workspace.database().resolve("consolidation.lck")).as("HSQLDB's lock file").doesNotExist();
        assertThat(workspace.database().resolve("consolidation.log")).as("a log to replay").doesNotExist();
        assertThat(workspace.database().resolve("consolidation.script")).isRegularFile();
    }
}
