package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.Workspace;

/**
 * With less free space than {@code consolidation.min-free-disk}, the job refuses to write and
 * says so; once space is available, a restart completes.
 */
class FreeSpaceCheckTest {

    @TempDir
    Path temp;

    @AfterEach
    void clear() {
        System.clearProperty("consolidation.min-free-disk");
    }

    @Test
    void shouldFailWithAClearMessageAndCompleteOnRestartOnceThereIsSpace() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        HostileFiles.goodWorkbook().saveAs(workspace.input().resolve("ME_2019-2020.xlsx"));
        System.setProperty("consolidation.min-free-disk", "4096TB");

        CliRun failed = workspace.run();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err() + workspace.status().out()).contains("are free on the volume of")
                .contains("consolidation.min-free-disk");

        System.clearProperty("consolidation.min-free-disk");
        CliRun restarted = workspace.restart();
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);
    }
}
