package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.benchmark.SyntheticSubmissions;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.StepRows;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The import hands rows to Spring Batch in batches ({@link RowBatches}), yet a chunk is still
 * {@code consolidation.chunk-size} rows, also when that is not a whole number of batches; the
 * partition's read and write counts are rows; and a partition that failed resumes after its last
 * committed row, to the same workbook.
 */
class ImportChunkRowsTest {

    /** A batch and a half. */
    private static final int CHUNK_ROWS = 150;
    private static final String SUBMISSION = "S00_2017.xlsx";

    @TempDir
    Path temp;

    @Test
    void shouldCommitChunkSizeRowsAndCountRowsThoughRowsTravelInBatches() throws IOException {
        Workspace whole = oneCaseLevelSubmission("whole");
        CliRun run = SystemProperties.with(Map.of("consolidation.chunk-size", String.valueOf(CHUNK_ROWS)), whole::run);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);

        StepRows partition = partitions(whole).get(0);
        assertThat(partition.readCount()).as("rows, not batches").isGreaterThan(3 * 420)
                .isEqualTo(partition.writeCount());
        // Chunks of 150 rows: two batches of 100 would have made chunks of 200.
        assertThat(partition.commitCount()).isEqualTo((partition.readCount() + CHUNK_ROWS - 1) / CHUNK_ROWS);

        Workspace failed = Workspace.empty(temp.resolve("failed"));
        Files.copy(whole.input().resolve(SUBMISSION), failed.input().resolve(SUBMISSION));
        CliRun failedRun = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", "importSubmission", "planned-failure.after-chunks", "3",
                "consolidation.chunk-size", String.valueOf(CHUNK_ROWS)), failed::run);
        assertThat(failedRun.exitCode()).as(failedRun.toString()).isEqualTo(ExitCodes.FAILED);
        // What the operator reads: three chunks of 150 rows written, and the fourth read when it failed.
        assertThat(failed.status().out()).containsPattern("importSubmission:\\S+ +FAILED +read +600  written +450 ");
        CliRun restarted = SystemProperties.with(Map.of("consolidation.chunk-size", String.valueOf(CHUNK_ROWS)),
                failed::restart);
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);

        List<StepRows> attempts = partitions(failed);
        assertThat(attempts).extracting(StepRows::status).containsExactly("FAILED", "COMPLETED");
        assertThat(attempts.get(0).writeCount()).isEqualTo(3 * CHUNK_ROWS);
        assertThat(attempts.get(1).readCount()).isEqualTo(partition.readCount() - 3 * CHUNK_ROWS);
        assertThat(WorkbookCells.read(failed.workbook()).all()).isEqualTo(WorkbookCells.read(whole.workbook()).all());
    }

    /** One member state's workbook for one year, 420 case-level rows in each data sheet. */
    private Workspace oneCaseLevelSubmission(String name) throws IOException {
        Workspace workspace = Workspace.empty(temp.resolve(name));
        SyntheticSubmissions.generate(workspace.input(), 1, 1, 420, 11);
        assertThat(workspace.input().resolve(SUBMISSION)).isRegularFile();
        return workspace;
    }

    private static List<StepRows> partitions(Workspace workspace) {
        return StepRows.of(workspace).stream().filter(s -> s.stepName().startsWith("importSubmission:")).toList();
    }
}
