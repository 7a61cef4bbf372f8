package org.threatanalysis.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The packaged job as the README runs it ({@code java @target/jvm.options -jar
 * target/threat-analysis-consolidation.jar}), after {@code package}: with the context the build
 * prepared ahead of time (Spring AOT) and the class-data archive, which the unit tests, running
 * from the classes, do not use. A failed step, its restart, the status report, a night with
 * nothing new and the scheduler must behave as they do there, and the workbook must equal the
 * one the job writes without the prepared context.
 */
class PackagedJobIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void shouldFailRestartAndSkipAnUnchangedNightAsTheUnpackagedJobDoes() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("packaged"));
        workspace.outputWritable(false);

        Result failed = packaged(workspace.runArgs());
        assertThat(failed.code()).as(failed.output()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.output()).contains("is read-only").contains("restart");
        assertThat(packaged("status", "--database=" + workspace.database()).output())
                .contains("writeWorkbook").contains("FAILED");

        workspace.outputWritable(true);
        Result restarted = packaged("restart", "--database=" + workspace.database());
        assertThat(restarted.code()).as(restarted.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(restarted.output()).contains("COMPLETED");

        Result unchanged = packaged(workspace.runArgs());
        assertThat(unchanged.code()).as(unchanged.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(unchanged.output()).contains("not read again").contains("not written again");

        List<String> scheduled = new ArrayList<>(List.of("schedule", "--cron=* * * * * *", "--max-runs=1"));
        scheduled.addAll(List.of(workspace.runArgs()).subList(1, 4));
        Result night = packaged(scheduled.toArray(String[]::new));
        assertThat(night.code()).as(night.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(night.output()).contains("not written again");

        Workspace unpackaged = Workspace.withSampleInput(temp.resolve("unpackaged"));
        assertThat(unpackaged.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(WorkbookCells.read(workspace.workbook()).all())
                .isEqualTo(WorkbookCells.read(unpackaged.workbook()).all());
    }

    private record Result(int code, String output) {
    }

    private Result packaged(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + TARGET.resolve("jvm.options"), "-Xmx256m", "-jar",
                TARGET.resolve("threat-analysis-consolidation.jar").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(temp, "packaged", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The packaged job did not end within 120 s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
