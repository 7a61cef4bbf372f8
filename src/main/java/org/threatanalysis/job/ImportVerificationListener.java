package org.threatanalysis.job;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.threatanalysis.importing.SubmissionRowReader;
import org.threatanalysis.staging.StagingRepository;

/**
 * Guards each import partition against quiet data loss.
 *
 * <p>Before the partition runs: the database's volume must have the configured free space, or the
 * partition fails (restartable) before it writes anything.
 *
 * <p>After it completed: the rows the reader handed on must equal the rows found in staging for
 * that submission (staged, rejected by a data-quality finding, or passed over as blank or total)
 * and the rows the import counted as it wrote them; none for a file the import rejected as a
 * whole. A difference means the database lost or duplicated rows; the partition is then marked
 * failed with a message that says so, and the job fails instead of writing a workbook with rows
 * missing.
 */
final class ImportVerificationListener implements StepExecutionListener {

    private final StagingRepository staging;
    private final ConsolidationProperties properties;

    ImportVerificationListener(StagingRepository staging, ConsolidationProperties properties) {
        this.staging = staging;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            DiskSpace.require(properties.database(), properties.minFreeDisk(), "database");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            return verify(stepExecution);
        } catch (RuntimeException e) {
            return AfterStepFailure.fail(stepExecution, "checking that every row read was staged", e);
        }
    }

    private ExitStatus verify(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED
                || !stepExecution.getExecutionContext().containsKey(SubmissionPartitioner.SUBMISSION_ID)) {
            return null;
        }
        long runId = RunIds.of(stepExecution);
        int submissionId = stepExecution.getExecutionContext().getInt(SubmissionPartitioner.SUBMISSION_ID);
        long read = stepExecution.getExecutionContext().getLong(SubmissionRowReader.ROWS_READ, 0L);
        StagingRepository.RowsKey key = new StagingRepository.RowsKey(runId, submissionId);
        if ("REJECTED".equals(staging.submission(runId, submissionId).status())) {
            read = 0; // rejected while it was read: nothing of it may remain staged
        }
        long accounted = staging.rowsAccountedFor(key);
        long counted = staging.rowsCountedFor(key);
        if (read == accounted && read == counted) {
            return null;
        }
        String message = "Submission " + submissionId + " (" + staging.submission(runId, submissionId).relativePath()
                + "): " + read + " rows were read but " + accounted + " are in the staging tables (" + counted
                + " counted); the database lost or duplicated rows (full disk?). Check the database volume, then "
                + "start a new run.";
        return AfterStepFailure.failStep(stepExecution, message, null);
    }
}
