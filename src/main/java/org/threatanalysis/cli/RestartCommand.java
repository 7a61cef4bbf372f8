package org.threatanalysis.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.threatanalysis.operations.RunOperations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Continue the last failed run (or the execution named) from the step that failed.",
                "A run left STARTED by a crash is recovered first. Completed steps and submissions are not repeated.",
                "Refused when an input file changed since the failed run; --fresh then starts a new run."})
final class RestartCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(arity = "0..1", paramLabel = "EXECUTION_ID", description = "Execution to restart (see 'status'). Default: the last run's.")
    Long executionId;

    @Option(names = "--fresh", description = {"Start a new run with the same folders, years and date instead of "
            + "continuing the failed one: everything is registered, imported and written again.",
            "Needed when an input file changed since the failed run."})
    boolean fresh;

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
                if (fresh) {
                    return Commands.report(spec, runs, runs.startFresh(candidate.get()));
                }
                List<String> changes = candidate.get().getStatus().isUnsuccessful()
                        || candidate.get().getStatus() == org.springframework.batch.core.BatchStatus.STOPPED
                        ? runs.inputChanges(candidate.get()) : List.of();
                if (!changes.isEmpty()) {
                    spec.commandLine().getErr().println("Run " + candidate.get().getJobInstanceId()
                            + " cannot be continued: its input changed since it registered the files ("
                            + String.join("; ", changes) + "). Continuing would mix old and new versions. "
                            + "Use 'restart --fresh' to start a new run on the files as they are now.");
                    return ExitCodes.USAGE;
                }
                execution = runs.restart(candidate.get());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            return Commands.report(spec, runs, execution);
        });
    }
}
