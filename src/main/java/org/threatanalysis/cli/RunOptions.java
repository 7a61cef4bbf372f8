package org.threatanalysis.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What a run consolidates: the options {@code run} and {@code schedule} share. */
final class RunOptions {

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of submissions, searched recursively. Default: input/ in the project folder.")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder the workbook is written to. Default: output/ in the project folder.")
    Path output;

    @Option(names = "--from", paramLabel = "YEAR", description = "First year to consolidate. Default: the earliest year submitted.")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year to consolidate. Default: the latest year submitted.")
    Integer to;

    Path inputFolder() {
        return (input != null ? input : ProjectHome.find().resolve("input")).toAbsolutePath().normalize();
    }

    Path outputFolder() {
        return (output != null ? output : ProjectHome.find().resolve("output")).toAbsolutePath().normalize();
    }

    /** The usage exit code with a message when the options are wrong, else {@code null}. */
    Integer validate(CommandLine.Model.CommandSpec spec) {
        if (!Files.isDirectory(inputFolder())) {
            spec.commandLine().getErr().println("The input folder " + inputFolder() + " does not exist.");
            return ExitCodes.USAGE;
        }
        if (from != null && to != null && from > to) {
            spec.commandLine().getErr().println("--from " + from + " is after --to " + to + ".");
            return ExitCodes.USAGE;
        }
        return null;
    }
}
