package org.threatanalysis.cli;

import java.util.concurrent.Callable;

import org.threatanalysis.operations.RunOperations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show recent runs with their steps, status, counts, durations and the last failure's cause.")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many runs to show (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        return Commands.withContext(spec, database.resolve(), context -> {
            spec.commandLine().getOut().print(context.getBean(RunOperations.class).history(limit));
            spec.commandLine().getOut().flush();
            return ExitCodes.SUCCESS;
        });
    }
}
