package org.threatanalysis.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checkpoints the database after each step of the job, when no transaction is open.
 *
 * <p>HSQLDB's automatic checkpoint (when its log reaches a size) is switched off in the schema
 * script ({@code SET FILES LOG SIZE 0}): it makes the statement that triggers it wait until every
 * other open transaction has ended, and during the import another partition's chunk transaction
 * can itself be waiting for Spring Batch's execution-context lock held by that statement's thread,
 * a deadlock that hung a run. Between steps only this thread is working, so the checkpoint is
 * safe, and the log (replayed after a crash) never holds more than one step's changes.
 */
@Component
class CheckpointBetweenSteps implements ConsolidationStepListener {

    private final JdbcTemplate jdbc;

    CheckpointBetweenSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (!stepExecution.getStepName().contains(":")) {
            jdbc.execute("CHECKPOINT");
        }
        return null;
    }
}
