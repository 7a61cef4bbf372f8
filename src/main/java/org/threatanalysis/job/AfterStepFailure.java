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

    /** The work after the step's items threw. */
    static ExitStatus fail(StepExecution stepExecution, String work, RuntimeException failure) {
        return failStep(stepExecution, "Step " + stepExecution.getStepName() + " failed after its items: " + work
                + " failed (" + failure.getMessage() + "). Fix the cause (the database volume?), then restart the run.",
                failure);
    }

    /** The work after the step's items found the step's result wrong; {@code cause} may be null. */
    static ExitStatus failStep(StepExecution stepExecution, String message, Throwable cause) {
        log.error(message, cause);
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.addFailureException(new IllegalStateException(message, cause));
        return ExitStatus.FAILED.addExitDescription(message);
    }
}
