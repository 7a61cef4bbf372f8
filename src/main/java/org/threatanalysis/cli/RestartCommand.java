package org.threatanalysis.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.threatanalysis.operations.RunOperations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Continue the last failed run (or the execution named) from the step that failed.",
                "A run left STARTED by a crash is recovered first. Completed steps and submissions are not repeated."})
final class RestartCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(arity = "0..1", paramLabel = "EXECUTION_ID", description = "Execution to restart (see 'status'). Default: the last run's.")
    Long executionId;

    @Override
    public Integer call() {
        return Commands.withContext(spec, database.resolve(), context -> {
            RunOperations runs = context.getBean(RunOperations.class);
            runs.recoverCrashedRuns();
            Optional<JobExecution> candidate = runs.restartCandidate(executionId);
            if (candidate.isEmpty()) {
                spec.commandLine().getErr().println(executionId == null ? "There is no run to restart."
                        : "There is no execution " + executionId + ".");
                return ExitCodes.USAGE;
            }
            JobExecution execution;
            try {
                execution = runs.restart(candidate.get());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            return Commands.report(spec, runs, execution);
        });
    }
}
