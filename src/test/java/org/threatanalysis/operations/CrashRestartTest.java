package org.threatanalysis.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.JobProcess;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A run started as its own process is killed with SIGKILL in the middle of the import (made slow
 * by the test-only profile's sleep per chunk), then {@code restart} runs as a new process: the
 * crashed run is recovered and continued, and the workbook equals an uninterrupted run's.
 */
class CrashRestartTest {

    @TempDir
    Path temp;

    @Test
    void shouldRecoverAndFinishARunKilledInTheMiddleOfTheImport() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("crashing"));
        List<String> slow = List.of("-Dspring.profiles.active=planned-failure", "-Dplanned-failure.sleep-ms=150",
                "-Dconsolidation.chunk-size=10");
        JobProcess doomed = JobProcess.start(temp.resolve("logs"), "doomed", slow, workspace.runArgs());

        waitForImportProgress(doomed);
        doomed.kill();
        // The progress log names each completed submission's file, which the operator knows, beside its partition.
        java.util.regex.Matcher completed = java.util.regex.Pattern
                .compile("Submission (\\S+\\.xlsx?) \\(submission-\\d+\\) completed: \\d+ rows read").matcher(doomed.output());
        assertThat(completed.find()).as(doomed.output()).isTrue();
        assertThat(workspace.input().resolve(completed.group(1))).isRegularFile();
        // `status` says the run's process stopped, and names the file of a partition it cut off.
        String status = workspace.status().out();
        assertThat(status).containsPattern("Run \\d+  execution \\d+  STARTED .*\\R    left STARTED by a process that stopped")
                .containsPattern("importSubmission:submission-\\d+ +STARTED .*  \\S+\\.xlsx?\\R");

        JobProcess restart = JobProcess.start(temp.resolve("logs"), "restart",
                List.of("-Dconsolidation.chunk-size=10"), "restart", "--database=" + workspace.database());
        int code = restart.waitFor(300);

        assertThat(code).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(restart.output()).contains("was left STARTED");
        Workspace uninterrupted = Workspace.withSampleInput(temp.resolve("uninterrupted"));
        assertThat(uninterrupted.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(WorkbookCells.read(workspace.workbook()).all())
                .isEqualTo(WorkbookCells.read(uninterrupted.workbook()).all());
    }

    /** Waits until at least one submission was imported completely and others are under way. */
    private static void waitForImportProgress(JobProcess process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (process.output().contains("submissions done") && process.output().contains("Submission ")) {
                return;
            }
            assertThat(process.isAlive()).as("the run ended before it could be killed:\n" + process.output()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("No import progress within the deadline:\n" + process.output());
    }
}
