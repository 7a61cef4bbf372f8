package org.threatanalysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.submission.SubmissionTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the blank submission workbook. Needs no database and no Spring context, so it runs beside a job. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Write the blank submission workbook that member states fill in: instructions, the cover sheet,",
                "the three data sheets with their headers, and drop-down lists from the job's reference data."})
final class TemplateCommand implements Callable<Integer> {

    static final String DEFAULT_NAME = "threat-analysis-submission-template.xlsx";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--output", paramLabel = "FILE",
            description = "File to write (an existing folder gets the file " + DEFAULT_NAME + "). "
                    + "Default: output/" + DEFAULT_NAME + " in the project folder.")
    Path output;

    @Override
    public Integer call() {
        Path target = output != null ? output : ProjectHome.find().resolve("output").resolve(DEFAULT_NAME);
        if (Files.isDirectory(target)) {
            target = target.resolve(DEFAULT_NAME);
        }
        try {
            Path written = new SubmissionTemplate(ReferenceData.loadDefaults()).write(target);
            spec.commandLine().getOut().println("Template written: " + written);
            return ExitCodes.SUCCESS;
        } catch (IOException e) {
            spec.commandLine().getErr().println("The template could not be written to " + target + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
