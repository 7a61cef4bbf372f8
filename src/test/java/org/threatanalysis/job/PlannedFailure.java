package org.threatanalysis.job;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY: a planned failure in one step, active only with the profile {@code planned-failure}
 * (it lives in src/test/java, so it is never in the packaged application).
 *
 * <p>{@code planned-failure.step} names the step: {@code registerSubmissions} or
 * {@code writeWorkbook} fail before their work is done; {@code importSubmission} fails one
 * partition in the write of its chunk number {@code planned-failure.after-chunks + 1}, after that
 * many chunks of the same partition committed. The failure fires once per Spring context.
 * {@code planned-failure.sleep-ms} makes every import chunk sleep, for crash tests.
 */
@Component
@Profile("planned-failure")
class PlannedFailure implements ConsolidationStepListener {

    private final String step;
    private final int afterChunks;
    private final long sleepMillis;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final java.util.Map<Long, Integer> writes = new java.util.concurrent.ConcurrentHashMap<>();

    PlannedFailure(@Value("${planned-failure.step:}") String step,
            @Value("${planned-failure.after-chunks:0}") int afterChunks,
            @Value("${planned-failure.sleep-ms:0}") long sleepMillis) {
        this.step = step;
        this.afterChunks = afterChunks;
        this.sleepMillis = sleepMillis;
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        String name = context.getStepContext().getStepName();
        if (name.equals(step) && fired.compareAndSet(false, true)) {
            throw new IllegalStateException("Planned failure in step " + name + " (test only).");
        }
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        StepContext context = StepSynchronizationManager.getContext();
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (context == null || !context.getStepName().startsWith(step + ":")) {
            return;
        }
        int written = writes.merge(context.getStepExecution().getId(), 1, Integer::sum);
        if (written > afterChunks && fired.compareAndSet(false, true)) {
            throw new IllegalStateException("Planned failure in " + context.getStepName() + " after " + afterChunks
                    + " committed chunks (test only).");
        }
    }
}
