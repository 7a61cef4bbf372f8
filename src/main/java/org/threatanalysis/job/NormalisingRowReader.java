package org.threatanalysis.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.threatanalysis.importing.ImportItem;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.importing.RowNormaliser;
import org.threatanalysis.importing.SubmissionRowReader;
import org.threatanalysis.submission.CoverSheet;

/**
 * Reads the rows of one submission and normalises each against its cover sheet: the import
 * partition's reader and processor in one. Never filters: every row has an outcome. Hands the
 * rows on in batches ({@link RowBatches}), cut so that a chunk holds exactly
 * {@code consolidation.chunk-size} rows. Step-scoped, one per partition; the partition step reads
 * from it through {@link PartitionReader}, not through Spring's scoped proxy, which would look
 * the bean up again for every batch.
 */
class NormalisingRowReader implements ItemStreamReader<List<ImportResult>> {

    private final SubmissionRowReader rows;
    private final RowNormaliser normaliser;
    private final CoverSheet cover;
    private final int chunkRows;
    private int rowsInChunk;

    NormalisingRowReader(SubmissionRowReader rows, RowNormaliser normaliser, CoverSheet cover, int chunkRows) {
        this.rows = rows;
        this.normaliser = normaliser;
        this.cover = cover;
        this.chunkRows = chunkRows;
    }

    /** The next rows, at most a batch and at most what the chunk has room for; null at the end. */
    @Override
    public List<ImportResult> read() {
        int room = Math.min(RowBatches.MAX_ROWS, Math.max(1, chunkRows - rowsInChunk));
        List<ImportResult> batch = new ArrayList<>(room);
        ImportItem item;
        while (batch.size() < room && (item = rows.read()) != null) {
            batch.add(normaliser.normalise(item, cover));
        }
        rowsInChunk += batch.size();
        return batch.isEmpty() ? null : batch;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        rows.open(context);
        rowsInChunk = 0;
    }

    /** Called as each chunk commits: the next batch begins the next chunk. */
    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        rows.update(context);
        rowsInChunk = 0;
    }

    @Override
    public void close() throws ItemStreamException {
        rows.close();
    }
}
