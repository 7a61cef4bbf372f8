package org.threatanalysis.cli;

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
        description = {"Consolidate every submission under the input folder into one workbook in the output folder.",
                "A run is identified by its date: if the latest run of that date failed, use 'restart' (or --fresh)."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunOptions options;

    @Mixin
    DatabaseOption database;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The date this run consolidates for; one run per date identifies a night. Default: today.")
    LocalDate runDate;

    @Option(names = "--fresh", description = "Start a new run even if the latest run of this date failed "
            + "(instead of continuing it with 'restart').")
    boolean fresh;

    @Override
    public Integer call() {
        Integer invalid = options.validate(spec);
        if (invalid != null) {
            return invalid;
        }
        return runOnce(spec, options, database.resolve(), runDate, fresh);
    }

    /** One run, as {@code run} and each firing of {@code schedule} do it. */
    static int runOnce(CommandLine.Model.CommandSpec spec, RunOptions options, Path database, LocalDate runDate,
            boolean fresh) {
        return Commands.withContext(spec, database, context -> {
            RunOperations runs = context.getBean(RunOperations.class);
            JobExecution execution;
            try {
                execution = runs.start(new RunOperations.RunRequest(options.inputFolder(), options.outputFolder(),
                        options.from, options.to, runDate, fresh));
            } catch (RunOperations.RestartRequiredException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.FAILED;
            }
            return Commands.report(spec, runs, execution);
        });
    }
}
