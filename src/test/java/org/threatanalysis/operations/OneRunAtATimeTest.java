package org.threatanalysis.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.JobProcess;
import org.threatanalysis.support.Workspace;

/** Two launches at once on one database: exactly one runs, the other is refused at once with exit code 4. */
class OneRunAtATimeTest {

    @TempDir
    Path temp;

    @Test
    void shouldRunOnlyOneOfTwoProcessesStartedTogether() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("shared"));
        List<String> none = List.of();
        JobProcess first = JobProcess.start(temp.resolve("logs"), "first", none, workspace.runArgs());
        JobProcess second = JobProcess.start(temp.resolve("logs"), "second", none, workspace.runArgs());

        int firstCode = first.waitFor(300);
        int secondCode = second.waitFor(300);

        assertThat(List.of(firstCode, secondCode)).as(first.output() + "\n" + second.output())
                .containsExactlyInAnyOrder(ExitCodes.SUCCESS, ExitCodes.ALREADY_RUNNING);
        JobProcess refused = firstCode == ExitCodes.ALREADY_RUNNING ? first : second;
        assertThat(refused.err()).contains("Another consolidation run is already using the database")
                .contains("pid ").contains("nothing was started");
        assertThat(workspace.status().out()).containsOnlyOnce("execution");
    }

    @Test
    void shouldRefuseAtOnceWhileTheLockIsHeld() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("held"));
        JobProcess holder = JobProcess.start(temp.resolve("logs"), "holder",
                List.of("-Dspring.profiles.active=planned-failure", "-Dplanned-failure.sleep-ms=300",
                        "-Dconsolidation.chunk-size=10"), workspace.runArgs());
        while (!holder.out().contains("Step") && !holder.err().contains("Step") && holder.isAlive()) {
            Thread.sleep(100);
        }
        long started = System.nanoTime();
        var refused = workspace.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        holder.kill();

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(refused.err()).contains("Another consolidation run is already using the database")
                .contains("'threat-analysis-consolidation run'");
        assertThat(millis).as("refused without waiting for the database lock").isLessThan(5000);
    }
}
