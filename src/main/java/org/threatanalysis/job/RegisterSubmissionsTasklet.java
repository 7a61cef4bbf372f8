package org.threatanalysis.job;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;
import org.threatanalysis.workbook.ConsolidatedWorkbookWriter;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * Step 1: registers every file under the input folder and decides, year by year, which
 * submission stands. Runs in one transaction and starts by clearing what an earlier attempt of
 * the same run registered, so a re-run never counts a file twice.
 *
 * <p>Incremental nights: a file whose relative path and SHA-256 equal those of an accepted
 * submission (or a reference workbook) of the last completed run is not opened again; an
 * accepted one reads that run's staged rows in place (its rows key is recorded here, in the same
 * transaction; nothing is copied) and gets no import partition. {@code normaliseStaged} then
 * recomputes their codes if the reference data changed since.
 */
final class RegisterSubmissionsTasklet implements Tasklet {

    /** Step context: how many accepted submissions were copied from the last completed run, not read. */
    static final String REUSED = "submissions.reused";

    private static final Logger log = LoggerFactory.getLogger(RegisterSubmissionsTasklet.class);

    private final SubmissionRegistrar registrar;
    private final StagingRepository staging;
    private final ConsolidationProperties properties;
    private final RunNormalisation normalisation;

    RegisterSubmissionsTasklet(SubmissionRegistrar registrar, StagingRepository staging,
            ConsolidationProperties properties, RunNormalisation normalisation) {
        this.registrar = registrar;
        this.staging = staging;
        this.properties = properties;
        this.normalisation = normalisation;
    }

    /**
     * Whether the reference data this run imports with decides like the one the earlier run
     * imported with; if not, its staged rows cannot be reused and every submission is read again.
     */
    private boolean sameImportReference(long previousRun, Path input, Path output) {
        var previous = staging.runOutput(previousRun);
        if (previous.isEmpty()) {
            return false;
        }
        String now = normalisation.forInput(input, normalisation.excludedFolders(output)).reference().importFingerprint();
        if (!now.equals(previous.get().importFingerprint())) {
            log.info("The reference data that decides while reading (vocabularies, header aliases, row markers) changed"
                    + " since run {}: every submission is read again", previousRun);
            return false;
        }
        return true;
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
        Long previousRun = staging.lastCompletedRunWithStaging(runId);
        Map<String, SubmissionRecord> known = new HashMap<>();
        if (previousRun != null && !sameImportReference(previousRun, input, output)) {
            previousRun = null;
        }
        if (previousRun != null) {
            for (SubmissionRecord record : staging.submissions(previousRun)) {
                // An accepted submission is taken over only with its staged rows (a database from
                // before rows keys has none: its files are read again).
                if (record.fingerprint() != null && ("REFERENCE".equals(record.status())
                        || "ACCEPTED".equals(record.status())
                                && staging.rowsKey(previousRun, record.submissionId()).isPresent())) {
                    known.put(record.relativePath(), record);
                }
            }
        }
        List<SubmissionRegistrar.Registered> registered = registrar.register(input, excluded, known);
        int accepted = 0;
        int rejected = 0;
        int ignored = 0;
        int reference = 0;
        for (SubmissionRegistrar.Registered file : registered) {
            staging.insertSubmission(runId, file.record());
            switch (file.record().status()) {
                case "ACCEPTED" -> accepted++;
                case "REJECTED" -> rejected++;
                case "REFERENCE" -> reference++;
                default -> ignored++;
            }
        }
        int superseded = YearDecisions.decide(staging, runId);
        int reused = 0;
        long reusedRows = 0;
        for (SubmissionRegistrar.Registered file : registered) {
            if (!"ACCEPTED".equals(file.record().status())) {
                continue;
            }
            int id = file.record().submissionId();
            if (file.reusedFrom() != null) {
                // Unchanged since the last completed run: its rows are read where that run has them.
                reusedRows += staging.reuseSubmissionRows(previousRun, file.reusedFrom().submissionId(), runId, id);
                reused++;
            } else {
                staging.setRowsKey(runId, id, new StagingRepository.RowsKey(runId, id));
            }
        }
        stepExecution.getExecutionContext().putInt(REUSED, reused);
        if (reused > 0) {
            String message = reused + " unchanged submission" + (reused == 1 ? "" : "s") + " not read again: "
                    + reusedRows + " staged rows of run " + previousRun + " read in place";
            log.info("{}", message);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(message));
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
