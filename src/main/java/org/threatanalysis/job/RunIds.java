package org.threatanalysis.job;

import org.springframework.batch.core.step.StepExecution;

/**
 * A run is a job instance: its id keys the staged rows, so that a restarted execution of the
 * same run finds what its earlier execution staged.
 */
public final class RunIds {

    private RunIds() {
    }

    public static long of(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobInstanceId();
    }
}
