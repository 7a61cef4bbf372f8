package org.threatanalysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.Workspace;

/** The schedule fires the job on its cron expression and stops cleanly after --max-runs firings. */
class ScheduleCommandTest {

    @TempDir
    Path temp;

    @Test
    void shouldRunTheJobOnEachFiringAndStopAfterTheMaximum() throws Exception {
        Workspace workspace = Workspace.empty(temp.resolve("scheduled"));
        Files.copy(Workspace.SAMPLE_INPUT.resolve("BG_2017-2021.xlsx"), workspace.input().resolve("BG_2017-2021.xlsx"));

        CliRun schedule = CliRun.of("schedule", "--cron=* * * * * *", "--max-runs=2", "--input=" + workspace.input(),
                "--output=" + workspace.output(), "--database=" + workspace.database());

        assertThat(schedule.exitCode()).as(schedule.toString()).isEqualTo(ExitCodes.SUCCESS);
        String status = workspace.status().out();
        String today = LocalDate.now().toString();
        // Two runs of the same date: the second, after a completed first, takes the next sequence number.
        assertThat(status).contains("date " + today + "#1").contains("date " + today + "#2");
        assertThat(status.lines().filter(l -> l.startsWith("Run ") && l.contains("COMPLETED")).count()).isEqualTo(2);
        assertThat(workspace.workbook()).exists();
    }

    @Test
    void shouldRefuseAnInvalidCronExpression() {
        CliRun schedule = CliRun.of("schedule", "--cron=every night", "--database=" + temp.resolve("db"));

        assertThat(schedule.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(schedule.err()).contains("not a valid cron expression");
    }
}
