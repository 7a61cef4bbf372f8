package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Importing the submissions in parallel partitions gives the same workbook, cell for cell, as
 * importing them one at a time with small chunks and writing the large sheets one at a time: the
 * order in which partitions and sheets finish and where chunks end must not show in the output.
 */
class PartitionedImportEqualityTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteTheSameWorkbookWhetherSubmissionsAreImportedInParallelOrOneAtATime() throws IOException {
        Workspace parallel = Workspace.withSampleInput(temp.resolve("parallel"));
        CliRun parallelRun = SystemProperties.with(Map.of("consolidation.import-threads", "2"), parallel::run);
        assertThat(parallelRun.exitCode()).as(parallelRun.toString()).isEqualTo(ExitCodes.SUCCESS);

        Workspace single = Workspace.withSampleInput(temp.resolve("single"));
        CliRun singleRun = SystemProperties.with(Map.of("consolidation.import-threads", "1",
                "consolidation.write-threads", "1", "consolidation.chunk-size", "7"), single::run);
        assertThat(singleRun.exitCode()).as(singleRun.toString()).isEqualTo(ExitCodes.SUCCESS);

        assertThat(StagingCounts.of(parallel)).isEqualTo(StagingCounts.of(single));
        assertThat(WorkbookCells.read(parallel.workbook()).all()).isEqualTo(WorkbookCells.read(single.workbook()).all());
    }
}
