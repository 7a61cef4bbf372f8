package org.threatanalysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.support.CliRun;

/** Help and usage errors answer without starting a run, with the documented exit codes. */
class CommandLineTest {

    @TempDir
    Path temp;

    @Test
    void shouldDescribeEveryCommandInHelp() {
        for (String command : new String[] {"run", "restart", "status"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage:").contains(command).contains("--database");
        }
        CliRun top = CliRun.of("--help");
        assertThat(top.out()).contains("run").contains("restart").contains("status").contains("schedule")
                .contains("template").contains("Exit codes");
        assertThat(CliRun.of("schedule", "--help").out()).contains("--cron").contains("--max-runs");
        assertThat(CliRun.of("template", "--help").out()).contains("--output");
        assertThat(CliRun.of("restart", "--help").out()).contains("--fresh");
        assertThat(CliRun.of("run", "--help").out()).contains("--input").contains("--output").contains("--from")
                .contains("--to").contains("--run-date").contains("--fresh");
    }

    @Test
    void shouldExitWithTheUsageCodeOnUnknownOptions() {
        CliRun run = CliRun.of("run", "--inptu=somewhere");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--inptu");
    }

    @Test
    void shouldExitWithTheUsageCodeWithoutACommand() {
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldRefuseAMissingInputFolderAsAUsageError() {
        CliRun run = CliRun.of("run", "--input=" + temp.resolve("nowhere"), "--database=" + temp.resolve("db"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void shouldSayThereIsNothingToRestartOnAFreshDatabase() {
        CliRun restart = CliRun.of("restart", "--database=" + temp.resolve("db"));
        assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(restart.err()).contains("no run to restart");
    }
}
