package org.threatanalysis.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.threatanalysis.staging.StagingRepository;

/**
 * After the import step (all its partitions): decides again, in one transaction, which submission
 * stands for each year, since the import may have rejected a file that registration accepted (a
 * revision rejected there must not hide the one before). Idempotent, so a restarted import simply
 * decides again.
 */
final class YearsDecidedAgainAfterImport implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(YearsDecidedAgainAfterImport.class);

    private final StagingRepository staging;
    private final TransactionTemplate transaction;

    YearsDecidedAgainAfterImport(StagingRepository staging, PlatformTransactionManager transactionManager) {
        this.staging = staging;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            long runId = RunIds.of(stepExecution);
            try {
                Integer superseded = transaction.execute(status -> YearDecisions.decide(staging, runId));
                log.debug("Years decided again after the import: {} submission-years superseded", superseded);
            } catch (RuntimeException e) {
                return AfterStepFailure.fail(stepExecution, "deciding again which submission stands for each year", e);
            }
        }
        return null;
    }
}
