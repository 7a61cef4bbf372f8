package org.threatanalysis.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.workbook.ConsolidatedWorkbookWriter;
import org.threatanalysis.submission.Supersession;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * Step 1: registers every file under the input folder and decides, year by year, which
 * submission stands. Runs in one transaction and starts by clearing what an earlier attempt of
 * the same run registered, so a re-run never counts a file twice.
 */
final class RegisterSubmissionsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RegisterSubmissionsTasklet.class);

    private final SubmissionRegistrar registrar;
    private final StagingRepository staging;
    private final ConsolidationProperties properties;

    RegisterSubmissionsTasklet(SubmissionRegistrar registrar, StagingRepository staging,
            ConsolidationProperties properties) {
        this.registrar = registrar;
        this.staging = staging;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        long runId = RunIds.of(stepExecution);
        Path input = Path.of(stepExecution.getJobParameters().getString(JobParameterNames.INPUT));
        Path output = Path.of(stepExecution.getJobParameters().getString(JobParameterNames.OUTPUT));
        Set<Path> excluded = new HashSet<>(List.of(output.toAbsolutePath().normalize(),
                properties.database().toAbsolutePath().normalize()));

        DiskSpace.require(properties.database(), properties.minFreeDisk(), "database");
        ConsolidatedWorkbookWriter.cleanLeftovers(output, properties.poiTempFolder());
        staging.deleteRun(runId);
        List<SubmissionRegistrar.Registered> registered = registrar.register(input, excluded);
        List<Supersession.Candidate> candidates = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int ignored = 0;
        int reference = 0;
        for (SubmissionRegistrar.Registered file : registered) {
            staging.insertSubmission(runId, file.record());
            switch (file.record().status()) {
                case "ACCEPTED" -> {
                    accepted++;
                    candidates.add(new Supersession.Candidate(file.record().submissionId(),
                            file.record().relativePath(), file.cover()));
                }
                case "REJECTED" -> rejected++;
                case "REFERENCE" -> reference++;
                default -> ignored++;
            }
        }
        int superseded = 0;
        for (Supersession.YearDecision decision : Supersession.decide(candidates)) {
            staging.insertSubmissionYear(runId, decision.submissionId(), decision.year(),
                    decision.standing() ? "STANDING" : "SUPERSEDED", decision.supersededBy());
            superseded += decision.standing() ? 0 : 1;
        }
        for (int i = 0; i < registered.size(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(accepted);
        stepExecution.getExecutionContext().putInt("files.rejected", rejected);
        log.info("Registered {} files from {}: {} accepted, {} rejected, {} ignored, {} reference data; {} submission-years"
                + " superseded", registered.size(), input, accepted, rejected, ignored, reference, superseded);
        return RepeatStatus.FINISHED;
    }
}
