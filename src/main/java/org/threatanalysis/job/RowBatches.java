package org.threatanalysis.job;

import java.util.List;

import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.threatanalysis.importing.ImportResult;

/**
 * The import partitions hand rows to Spring Batch in batches of up to {@link #MAX_ROWS}, one
 * batch an item. Spring Batch 6 does work of its own for every item it reads and processes (an
 * observation with metric names built by string concatenation, a flight-recorder event, listener
 * calls): per row that was about 7 % of the import threads' CPU and an eighth of the collector's
 * pauses on a case-level night (docs/benchmarks.md). A chunk is still {@code consolidation.chunk-size}
 * rows: that many batches' worth, the last one cut short by the reader.
 *
 * <p>As a listener of the partition step it keeps the step's read and write counts in rows, as
 * operators read them in the log and in {@code status}: Spring Batch counts items (batches), and
 * this adds the rest of each batch read and each chunk written. Reads are counted as they happen,
 * so a chunk that fails still counts the rows it read, as it did when items were rows.
 */
final class RowBatches implements ItemReadListener<List<ImportResult>>, ItemWriteListener<List<ImportResult>> {

    /** Rows a batch holds at most: Spring Batch's work per item becomes negligible well before. */
    static final int MAX_ROWS = 100;

    /** Batches a chunk of the given number of rows takes. */
    static int perChunk(int chunkRows) {
        return Math.max(1, (chunkRows + MAX_ROWS - 1) / MAX_ROWS);
    }

    /** The rows in a chunk of batches. */
    static long rows(Chunk<?> batches) {
        long rows = 0;
        for (Object batch : batches) {
            rows += ((List<?>) batch).size();
        }
        return rows;
    }

    @Override
    public void afterRead(List<ImportResult> batch) {
        StepExecution step = partitionStep();
        step.setReadCount(step.getReadCount() + batch.size() - 1);
    }

    @Override
    public void afterWrite(Chunk<? extends List<ImportResult>> batches) {
        StepExecution step = partitionStep();
        step.setWriteCount(step.getWriteCount() + rows(batches) - batches.size());
    }

    /** Listeners run on the partition's own thread, where its step execution is the registered one. */
    private static StepExecution partitionStep() {
        return StepSynchronizationManager.getContext().getStepExecution();
    }
}
