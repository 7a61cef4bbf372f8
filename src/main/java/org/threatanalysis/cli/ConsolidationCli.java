package org.threatanalysis.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run}, {@code restart}, {@code status}, {@code schedule}, {@code template}. Options are parsed before any
 * Spring context starts, so {@code --help} and usage errors answer at once.
 */
@Command(name = "threat-analysis-consolidation", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Consolidates member-state threat-analysis submissions (Excel) into one workbook.",
        subcommands = {RunCommand.class, RestartCommand.class, StatusCommand.class, ScheduleCommand.class,
                TemplateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:completed; every file accepted or ignored",
                "1:failed and restartable; fix the cause and run 'restart'",
                "2:usage error (also: restart refused because the input changed)",
                "3:completed, but a submission file was rejected (see the Data quality sheet)",
                "4:another run is using the database; nothing was started"})
public final class ConsolidationCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, restart, status, schedule or template.");
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ConsolidationCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println("Error: " + e.getMessage());
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }
}
