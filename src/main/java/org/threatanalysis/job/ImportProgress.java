package org.threatanalysis.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.threatanalysis.staging.StagingRepository;

/**
 * Logs progress an operator can follow: when each step starts and ends, and during the import
 * the submissions done of the total and the rows per second, at most every
 * {@code consolidation.progress-seconds} seconds and whenever a submission completes.
 *
 * <p>Thread-safe: import partitions run in parallel and share the counters. One import step runs
 * at a time in a process (the run lock guarantees it), so the counters are reset per import step.
 */
@Component
class ImportProgress implements ConsolidationStepListener {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    private final StagingRepository staging;
    private final long intervalNanos;

    private volatile int submissionsTotal;
    private final AtomicInteger submissionsDone = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private volatile long importStarted;
    private final AtomicLong lastLogged = new AtomicLong();

    ImportProgress(StagingRepository staging, @Value("${consolidation.progress-seconds:10}") long progressSeconds) {
        this.staging = staging;
        this.intervalNanos = Duration.ofSeconds(Math.max(1, progressSeconds)).toNanos();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String name = stepExecution.getStepName();
        if (name.equals(ConsolidationJobConfiguration.IMPORT_STEP)) {
            long runId = RunIds.of(stepExecution);
            int total = (int) staging.count("SELECT COUNT(*) FROM ta_submission s WHERE run_id = ? AND status = 'ACCEPTED'"
                    + " AND NOT EXISTS (SELECT 1 FROM ta_reused_submission r WHERE r.run_id = s.run_id"
                    + " AND r.submission_id = s.submission_id)", runId);
            int done = (int) countCompletedPartitions(stepExecution);
            submissionsTotal = total;
            submissionsDone.set(done);
            rows.set(0);
            importStarted = System.nanoTime();
            lastLogged.set(importStarted);
            log.info("Step {}: importing {} submissions{}", name, total - done,
                    done > 0 ? " (" + done + " of " + total + " already imported by the failed execution)" : "");
        } else if (!isPartition(name)) {
            log.info("Step {} started", name);
        }
    }

    private long countCompletedPartitions(StepExecution manager) {
        return staging.count("""
                SELECT COUNT(DISTINCT s.STEP_NAME) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE e.JOB_INSTANCE_ID = ? AND s.STEP_NAME LIKE ? AND s.STATUS = 'COMPLETED'""",
                RunIds.of(manager), ConsolidationJobConfiguration.IMPORT_PARTITION_STEP + ":%");
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        long total = rows.addAndGet(RowBatches.rows(items)); // only the import partitions write chunks
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= intervalNanos && lastLogged.compareAndSet(last, now)) {
            log.info("Import progress: {} of {} submissions done, {} rows, {} rows/s", submissionsDone.get(),
                    submissionsTotal, total, rate(total, now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        String name = stepExecution.getStepName();
        long now = System.nanoTime();
        if (isPartition(name)) {
            int done = stepExecution.getStatus().isUnsuccessful() ? submissionsDone.get() : submissionsDone.incrementAndGet();
            String partition = name.substring(name.indexOf(':') + 1);
            // A partition of an execution before the file was kept in its context has only its name.
            String file = stepExecution.getExecutionContext().getString(ConsolidationJobConfiguration.PARTITION_FILE, null);
            log.info("Submission {} {}: {} rows read, {} written; {} of {} submissions done, {} rows/s",
                    file == null ? partition : file + " (" + partition + ")",
                    stepExecution.getStatus().name().toLowerCase(),
                    stepExecution.getReadCount(), stepExecution.getWriteCount(), done, submissionsTotal,
                    rate(rows.get(), now));
            lastLogged.set(now);
        } else if (name.equals(ConsolidationJobConfiguration.IMPORT_STEP)) {
            log.info("Step {} {}: {} of {} submissions, {} rows in {} s", name,
                    stepExecution.getStatus().name().toLowerCase(), submissionsDone.get(), submissionsTotal, rows.get(),
                    Duration.ofNanos(now - importStarted).toSeconds());
        } else {
            log.info("Step {} {}", name, stepExecution.getStatus().name().toLowerCase());
        }
        return null;
    }

    private long rate(long count, long now) {
        double seconds = (now - importStarted) / 1e9;
        return seconds <= 0 ? 0 : Math.round(count / seconds);
    }

    private static boolean isPartition(String stepName) {
        return stepName.startsWith(ConsolidationJobConfiguration.IMPORT_PARTITION_STEP + ":");
    }
}
