package org.threatanalysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.threatanalysis.operations.RunLock;
import org.threatanalysis.operations.RunOperations;
import org.threatanalysis.operations.RunSummary;

import picocli.CommandLine;

/** What the commands share: a Spring context for the command's duration, and the run report. */
final class Commands {

    interface ContextAction {
        int apply(ConfigurableApplicationContext context) throws Exception;
    }

    private Commands() {
    }

    /**
     * Runs the action with a Spring context on the database, holding the run lock for the whole
     * time: a second process is refused at once with {@link ExitCodes#ALREADY_RUNNING}.
     */
    static int withContext(CommandLine.Model.CommandSpec spec, Path database, ContextAction action) {
        Optional<RunLock> lock;
        try {
            lock = RunLock.tryAcquire(database, spec.qualifiedName(" "));
        } catch (IOException e) {
            spec.commandLine().getErr().println("The run lock in " + database + " cannot be taken: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println(RunLock.refusal(database));
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLock held = lock.get()) {
            return withContextLocked(spec, database, action);
        }
    }

    private static int withContextLocked(CommandLine.Model.CommandSpec spec, Path database, ContextAction action) {
        ConfigurableApplicationContext context;
        try {
            context = ApplicationContexts.start(database, Map.of());
        } catch (RuntimeException e) {
            if (ApplicationContexts.isDatabaseLocked(e)) {
                spec.commandLine().getErr().println("Another run is using the database " + database
                        + "; nothing was started. Wait for it to finish (see 'status').");
                return ExitCodes.ALREADY_RUNNING;
            }
            spec.commandLine().getErr().println("The job could not start: " + rootMessage(e));
            return ExitCodes.FAILED;
        }
        try (context) {
            return action.apply(context);
        } catch (Exception e) {
            spec.commandLine().getErr().println("The run could not be carried out: " + rootMessage(e));
            return ExitCodes.FAILED;
        }
    }

    static int report(CommandLine.Model.CommandSpec spec, RunOperations runs, JobExecution execution) {
        RunSummary summary = runs.summary(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            spec.commandLine().getOut().print(summary.describe());
            spec.commandLine().getOut().flush();
            return summary.filesRejected() > 0 ? ExitCodes.COMPLETED_WITH_REJECTIONS : ExitCodes.SUCCESS;
        }
        spec.commandLine().getErr().print(summary.describe());
        spec.commandLine().getErr().println("The run did not complete. Fix the cause, then run 'restart' "
                + "(it continues execution " + execution.getId() + " from the failed step).");
        spec.commandLine().getErr().flush();
        return ExitCodes.FAILED;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
