package org.threatanalysis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.threatanalysis.operations.RunOperations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Consolidate every submission under the input folder into one workbook in the output folder.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of submissions, searched recursively. Default: input/ in the project folder.")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder the workbook is written to. Default: output/ in the project folder.")
    Path output;

    @Mixin
    DatabaseOption database;

    @Option(names = "--from", paramLabel = "YEAR", description = "First year to consolidate. Default: the earliest year submitted.")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year to consolidate. Default: the latest year submitted.")
    Integer to;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The date this run consolidates for; one run per date identifies a night. Default: today.")
    LocalDate runDate;

    @Option(names = "--fresh", description = "Start a new run even if the latest run of this date failed "
            + "(instead of continuing it with 'restart').")
    boolean fresh;

    @Override
    public Integer call() {
        Path home = ProjectHome.find();
        Path inputFolder = (input != null ? input : home.resolve("input")).toAbsolutePath().normalize();
        Path outputFolder = (output != null ? output : home.resolve("output")).toAbsolutePath().normalize();
        if (!Files.isDirectory(inputFolder)) {
            spec.commandLine().getErr().println("The input folder " + inputFolder + " does not exist.");
            return ExitCodes.USAGE;
        }
        if (from != null && to != null && from > to) {
            spec.commandLine().getErr().println("--from " + from + " is after --to " + to + ".");
            return ExitCodes.USAGE;
        }
        return Commands.withContext(spec, database.resolve(), context -> {
            RunOperations runs = context.getBean(RunOperations.class);
            JobExecution execution;
            try {
                execution = runs.start(new RunOperations.RunRequest(inputFolder, outputFolder, from, to, runDate, fresh));
            } catch (RunOperations.RestartRequiredException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.FAILED;
            }
            return Commands.report(spec, runs, execution);
        });
    }
}
