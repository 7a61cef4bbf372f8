package org.threatanalysis.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.Workspace;

/**
 * After a failed run: a new {@code run} of the same date is refused in favour of {@code restart};
 * a restart is refused when an input file changed since the run registered it; {@code --fresh}
 * starts a new run in both cases.
 */
class RestartRefusalTest {

    @TempDir
    Path temp;

    @Test
    void shouldSendTheOperatorToRestartAndRefuseARestartOnChangedInput() throws Exception {
        Workspace workspace = Workspace.empty(temp.resolve("changing"));
        Files.copy(Workspace.SAMPLE_INPUT.resolve("BG_2017-2021.xlsx"), workspace.input().resolve("BG.xlsx"));
        Files.copy(Workspace.SAMPLE_INPUT.resolve("AL_2017-2021.xlsx"), workspace.input().resolve("AL.xlsx"));
        CliRun failed = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", "writeWorkbook"), () -> workspace.run("--run-date=2026-03-01"));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);

        CliRun again = workspace.run("--run-date=2026-03-01");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("The run of 2026-03-01").contains("use 'restart'").contains("--fresh");

        Files.write(workspace.input().resolve("BG.xlsx"), new byte[] {0}, StandardOpenOption.APPEND);
        Files.delete(workspace.input().resolve("AL.xlsx"));
        Files.copy(Workspace.SAMPLE_INPUT.resolve("ME_2017-2021.xlsx"), workspace.input().resolve("ME.xlsx"));
        CliRun refused = workspace.restart();
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("its input changed").contains("BG.xlsx changed (SHA-256")
                .contains("AL.xlsx was removed").contains("ME.xlsx was added").contains("restart --fresh");

        CliRun fresh = workspace.restart("--fresh");
        assertThat(fresh.exitCode()).as(fresh.toString()).isIn(ExitCodes.SUCCESS, ExitCodes.COMPLETED_WITH_REJECTIONS);
        assertThat(workspace.status().out()).contains("date 2026-03-01#2");
    }
}
