package org.threatanalysis.job;

import java.util.List;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.threatanalysis.importing.ImportResult;

/**
 * The import partition's reader as the partition step sees it: takes the partition's own
 * step-scoped reader once, when the partition opens it, and reads from it directly. Through
 * Spring's scoped proxy every row looked the bean up again in the step scope, more than a second
 * of CPU on a case-level night. Partitions run at the same time on different threads, so the
 * reader taken is kept per thread, from open to close.
 */
final class PartitionReader implements ItemStreamReader<List<ImportResult>> {

    private final NormalisingRowReader stepScoped;
    private final ThreadLocal<NormalisingRowReader> partitionReader = new ThreadLocal<>();

    /** @param stepScoped the step-scoped proxy of the partition's reader */
    PartitionReader(NormalisingRowReader stepScoped) {
        this.stepScoped = stepScoped;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        NormalisingRowReader reader = (NormalisingRowReader) ((ScopedObject) stepScoped).getTargetObject();
        partitionReader.set(reader);
        reader.open(context);
    }

    @Override
    public List<ImportResult> read() {
        return opened().read();
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        opened().update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        NormalisingRowReader reader = partitionReader.get();
        partitionReader.remove();
        if (reader != null) {
            reader.close();
        }
    }

    private NormalisingRowReader opened() {
        NormalisingRowReader reader = partitionReader.get();
        if (reader == null) {
            throw new IllegalStateException("The partition's reader is used before it was opened, or on another thread");
        }
        return reader;
    }
}
