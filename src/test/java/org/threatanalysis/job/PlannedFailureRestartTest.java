package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.StepRows;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A planned failure in each step of the job (the test-only profile {@code planned-failure}),
 * then {@code restart} from the command line: only the failed step and the ones after it run
 * again, no staged row is duplicated, and the workbook equals an uninterrupted run's.
 */
class PlannedFailureRestartTest {

    private static final String CHUNK_SIZE = "10";

    @TempDir
    static Path temp;

    static Workspace uninterrupted;
    static StagingCounts uninterruptedCounts;
    static List<StepRows> uninterruptedSteps;

    @BeforeAll
    static void runWithoutInterruption() throws IOException {
        uninterrupted = Workspace.withSampleInput(temp.resolve("uninterrupted"));
        CliRun run = SystemProperties.with(Map.of("consolidation.chunk-size", CHUNK_SIZE), uninterrupted::run);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
        uninterruptedCounts = StagingCounts.of(uninterrupted);
        uninterruptedSteps = StepRows.of(uninterrupted);
    }

    @Test
    void shouldRestartFromTheRegistrationStep() throws IOException {
        Workspace workspace = failIn("registerSubmissions", 0);

        restartAndCompare(workspace, List.of("registerSubmissions", "importSubmissions", "normaliseStaged",
                "writeWorkbook"));
    }

    @Test
    void shouldResumeTheImportFromTheLastCommittedChunkOfTheFailedPartition() throws IOException {
        Workspace workspace = failIn("importSubmission", 2);
        List<StepRows> failedSteps = StepRows.of(workspace);
        StepRows failedPartition = failedSteps.stream().filter(s -> s.status().equals("FAILED")
                && s.stepName().startsWith("importSubmission:")).findFirst().orElseThrow();
        assertThat(failedPartition.commitCount()).isEqualTo(2);
        // `status` names the failed partition's file beside its failure, for the operator to fix it.
        java.util.regex.Matcher failedLine = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                failedPartition.stepName()) + " +FAILED .*  (\\S+\\.xlsx?): Planned failure").matcher(workspace.status().out());
        assertThat(failedLine.find()).as(workspace.status().out()).isTrue();
        assertThat(workspace.input().resolve(failedLine.group(1))).isRegularFile();

        List<StepRows> steps = restartAndCompare(workspace, List.of("importSubmissions", "normaliseStaged",
                "writeWorkbook"));

        long restartedExecution = StepRows.executions(steps).get(1);
        List<String> partitionsRerun = StepRows.stepNames(steps, restartedExecution).stream()
                .filter(name -> name.startsWith("importSubmission:")).toList();
        assertThat(partitionsRerun).containsExactly(failedPartition.stepName());
        StepRows resumed = steps.stream().filter(s -> s.jobExecutionId() == restartedExecution
                && s.stepName().equals(failedPartition.stepName())).findFirst().orElseThrow();
        StepRows whole = uninterruptedSteps.stream().filter(s -> s.stepName().equals(failedPartition.stepName()))
                .findFirst().orElseThrow();
        // The restarted partition read only what the two committed chunks had not.
        assertThat(resumed.readCount()).isEqualTo(whole.readCount() - 2 * Long.parseLong(CHUNK_SIZE));
    }

    @Test
    void shouldRestartARunThatAnEarlierVersionStagedWithoutRowsKeysOrCounts() throws IOException {
        Workspace workspace = failIn("importSubmission", 2, "earlier-version");
        // What a version of the job before rows keys and row counts left behind.
        StagingCounts.empty(workspace, "ta_submission_rows", "ta_row_count");

        restartAndCompare(workspace, List.of("importSubmissions", "normaliseStaged", "writeWorkbook"));
    }

    @Test
    void shouldRestartFromTheNormalisationStep() throws IOException {
        Workspace workspace = failIn("normaliseStaged", 0);

        restartAndCompare(workspace, List.of("normaliseStaged", "writeWorkbook"));
    }

    @Test
    void shouldRerunOnlyTheWritingStep() throws IOException {
        Workspace workspace = failIn("writeWorkbook", 0);

        restartAndCompare(workspace, List.of("writeWorkbook"));
    }

    private static Workspace failIn(String step, int afterChunks) throws IOException {
        return failIn(step, afterChunks, "fail-" + step);
    }

    private static Workspace failIn(String step, int afterChunks, String name) throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve(name));
        CliRun failed = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", step, "planned-failure.after-chunks", String.valueOf(afterChunks),
                "consolidation.chunk-size", CHUNK_SIZE), workspace::run);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).contains("Planned failure").contains("restart");
        String status = workspace.status().out();
        assertThat(status).contains("FAILED").containsPattern("Last failure: run \\d+ execution \\d+: Planned failure");
        return workspace;
    }

    private static List<StepRows> restartAndCompare(Workspace workspace, List<String> expectedSteps) throws IOException {
        CliRun restarted = SystemProperties.with(Map.of("consolidation.chunk-size", CHUNK_SIZE), workspace::restart);

        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);
        List<StepRows> steps = StepRows.of(workspace);
        List<Long> executions = StepRows.executions(steps);
        assertThat(executions).hasSize(2);
        List<String> rerun = StepRows.stepNames(steps, executions.get(1)).stream()
                .filter(name -> !name.contains(":")).toList();
        assertThat(rerun).containsExactlyElementsOf(expectedSteps);
        assertThat(StagingCounts.of(workspace)).isEqualTo(uninterruptedCounts);
        assertThat(WorkbookCells.read(workspace.workbook()).all())
                .isEqualTo(WorkbookCells.read(uninterrupted.workbook()).all());
        return steps;
    }
}
