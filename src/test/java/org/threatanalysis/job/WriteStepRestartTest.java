package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A planned failure in the workbook-writing step (a read-only output folder), then a restart:
 * only the failed step runs again, staging is not duplicated, and the workbook equals the one an
 * uninterrupted run writes.
 */
class WriteStepRestartTest {

    @TempDir
    Path temp;

    @Test
    void shouldRerunOnlyTheWritingStepAfterTheOutputFolderIsFixed() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("failing"));
        workspace.outputWritable(false);

        CliRun failed = workspace.run();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).contains("is read-only").contains("restart");
        CliRun statusAfterFailure = workspace.status();
        assertThat(statusAfterFailure.out()).contains("writeWorkbook").contains("FAILED")
                .contains("Last failure").contains("is read-only");
        StagingCounts stagedBefore = StagingCounts.of(workspace);

        workspace.outputWritable(true);
        CliRun restarted = workspace.restart();

        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);
        // Two executions of the same run: the second ran only the writing step.
        java.util.List<String> executions = java.util.Arrays.stream(workspace.status().out().split("(?m)^(?=Run )"))
                .filter(block -> block.startsWith("Run ")).toList();
        assertThat(executions).hasSize(2);
        assertThat(executions.get(0)).contains("FAILED").contains("registerSubmissions").contains("importSubmissions");
        assertThat(executions.get(1)).contains("COMPLETED").contains("writeWorkbook")
                .doesNotContain("registerSubmissions").doesNotContain("importSubmissions");
        assertThat(StagingCounts.of(workspace)).isEqualTo(stagedBefore);

        Workspace uninterrupted = Workspace.withSampleInput(temp.resolve("uninterrupted"));
        assertThat(uninterrupted.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(WorkbookCells.read(workspace.workbook()).all())
                .isEqualTo(WorkbookCells.read(uninterrupted.workbook()).all());
    }
}
