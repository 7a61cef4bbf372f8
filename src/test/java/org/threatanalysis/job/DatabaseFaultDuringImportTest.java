package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A database that fails (full disk, I/O error) or silently loses rows during the import: the
 * import step fails loudly instead of completing with rows missing; after the fault is removed,
 * the restarted run's workbook equals that of an uninterrupted run.
 */
class DatabaseFaultDuringImportTest {

    @TempDir
    Path temp;

    @BeforeEach
    void activateFaultInjection() {
        System.setProperty("spring.profiles.active", "fault-injection");
        System.setProperty("consolidation.chunk-size", "20");
    }

    @AfterEach
    void deactivateFaultInjection() {
        FaultInjection.arm(FaultInjection.Mode.NONE, 0);
        System.clearProperty("spring.profiles.active");
        System.clearProperty("consolidation.chunk-size");
    }

    @Test
    void shouldFailTheStepOnADatabaseErrorAndRestartToTheSameWorkbook() throws Exception {
        Workspace faulty = Workspace.withSampleInput(temp.resolve("faulty"));
        FaultInjection.arm(FaultInjection.Mode.FAIL, 3);

        CliRun failed = faulty.run();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).contains("restart");
        assertThat(FaultInjection.batches.get()).isGreaterThanOrEqualTo(3);

        assertRestartsToTheWorkbookOfAnUninterruptedRun(faulty);
    }

    @Test
    void shouldFailTheImportWhenTheYearsCannotBeDecidedAgainAfterIt() throws Exception {
        // The last decision is the one after the import (the registration's come first): Spring
        // Batch would log a failure there and carry on to write the workbook.
        String decision = "DELETE FROM ta_submission_year WHERE run_id = ?";
        FaultInjection.armStatement(decision, Integer.MAX_VALUE);
        Workspace.withSampleInput(temp.resolve("counted")).run();
        int decisions = FaultInjection.batches.get();
        assertThat(decisions).isGreaterThanOrEqualTo(2);

        assertFailsAfterTheImportAndRestartsToTheSameWorkbook(decision, decisions,
                "deciding again which submission stands for each year");
    }

    @Test
    void shouldFailTheImportWhenItsRowsCannotBeVerified() throws Exception {
        assertFailsAfterTheImportAndRestartsToTheSameWorkbook(
                "SELECT (SELECT COALESCE(SUM(row_count), 0) FROM ta_row_block", 1,
                "checking that every row read was staged");
    }

    private void assertFailsAfterTheImportAndRestartsToTheSameWorkbook(String sqlStart, int nth, String work)
            throws Exception {
        Workspace faulty = Workspace.withSampleInput(temp.resolve("faulty"));
        FaultInjection.armStatement(sqlStart, nth);

        CliRun failed = faulty.run();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(FaultInjection.batches.get()).isGreaterThanOrEqualTo(nth);
        String status = faulty.status().out();
        assertThat(status).containsPattern("importSubmissions\\s+FAILED");
        assertThat(failed.err() + status).contains(work);
        try (Stream<Path> files = Files.exists(faulty.output()) ? Files.list(faulty.output()) : Stream.empty()) {
            assertThat(files.map(Path::toString)).as("no workbook written").noneMatch(name -> name.endsWith(".xlsx"));
        }

        assertRestartsToTheWorkbookOfAnUninterruptedRun(faulty);
    }

    /** With the fault removed, the restarted run's workbook equals that of a run never interrupted. */
    private void assertRestartsToTheWorkbookOfAnUninterruptedRun(Workspace faulty) throws Exception {
        FaultInjection.arm(FaultInjection.Mode.NONE, 0);
        CliRun restarted = faulty.restart();
        assertThat(restarted.exitCode()).as(restarted.toString()).isIn(ExitCodes.SUCCESS, ExitCodes.COMPLETED_WITH_REJECTIONS);

        Workspace clean = Workspace.withSampleInput(temp.resolve("clean"));
        CliRun uninterrupted = clean.run();
        assertThat(uninterrupted.exitCode()).isEqualTo(restarted.exitCode());
        assertThat(WorkbookCells.read(faulty.workbook()).all()).isEqualTo(WorkbookCells.read(clean.workbook()).all());
    }

    @Test
    void shouldFailTheImportWhenTheDatabaseQuietlyLosesRows() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp);
        FaultInjection.arm(FaultInjection.Mode.DROP, 2);

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err() + workspace.status().out()).contains("rows were read but");
    }
}
