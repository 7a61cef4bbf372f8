package org.threatanalysis.job;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.threatanalysis.workbook.ConsolidatedWorkbookWriter;

/**
 * Last step: writes the consolidated workbook atomically. Re-running it (after a failure)
 * rewrites the whole workbook from staging; nothing is appended.
 */
final class WriteWorkbookTasklet implements Tasklet {

    static final String OUTPUT_FILE = "output.file";

    private final ConsolidatedWorkbookWriter writer;
    private final ConsolidationProperties properties;
    private final RunNormalisation normalisation;

    WriteWorkbookTasklet(ConsolidatedWorkbookWriter writer, ConsolidationProperties properties,
            RunNormalisation normalisation) {
        this.writer = writer;
        this.properties = properties;
        this.normalisation = normalisation;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        var parameters = stepExecution.getJobParameters();
        Long from = parameters.getLong(JobParameterNames.FROM_YEAR);
        Long to = parameters.getLong(JobParameterNames.TO_YEAR);
        Path output = Path.of(parameters.getString(JobParameterNames.OUTPUT));
        DiskSpace.require(output, properties.minFreeDisk(), "output folder");
        DiskSpace.require(properties.poiTempFolder(), properties.minFreeDisk(), "temporary files of the workbook writer");
        RunNormalisation.Normalisers n = normalisation.forInput(Path.of(parameters.getString(JobParameterNames.INPUT)),
                normalisation.excludedFolders(output));
        Path written = writer.write(new ConsolidatedWorkbookWriter.Request(RunIds.of(stepExecution),
                from == null ? null : from.intValue(), to == null ? null : to.intValue(), output,
                properties.poiTempFolder(), new ConsolidatedWorkbookWriter.Normalisation(n.reference(), n.routes(),
                        properties.matching().reviewBelow())));
        stepExecution.getJobExecution().getExecutionContext().putString(OUTPUT_FILE, written.toString());
        return RepeatStatus.FINISHED;
    }
}
