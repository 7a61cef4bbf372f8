package org.threatanalysis.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Fails a step whose after-step work failed. Spring Batch logs an exception thrown from
 * {@code afterStep} and carries on, so the step would complete (and the job write its workbook)
 * with that work not done: the years not decided again, an import not verified. A listener whose
 * work the run depends on catches its failure and hands it here instead.
 */
final class AfterStepFailure {

    private static final Logger log = LoggerFactory.getLogger(AfterStepFailure.class);

    private AfterStepFailure() {
    }

    static ExitStatus fail(StepExecution stepExecution, String work, RuntimeException failure) {
        String message = "Step " + stepExecution.getStepName() + " failed after its items: " + work + " failed ("
                + failure.getMessage() + "). Fix the cause (the database volume?), then restart the run.";
        log.error(message, failure);
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.addFailureException(new IllegalStateException(message, failure));
        return ExitStatus.FAILED.addExitDescription(message);
    }
}
