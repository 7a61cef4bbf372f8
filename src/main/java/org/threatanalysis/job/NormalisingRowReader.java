package org.threatanalysis.job;

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
 * partition's reader and processor in one. Never filters: every row has an outcome. Step-scoped,
 * one per partition; the partition step reads from it through {@link PartitionReader}, not
 * through Spring's scoped proxy, which would look the bean up again for every row.
 */
class NormalisingRowReader implements ItemStreamReader<ImportResult> {

    private final SubmissionRowReader rows;
    private final RowNormaliser normaliser;
    private final CoverSheet cover;

    NormalisingRowReader(SubmissionRowReader rows, RowNormaliser normaliser, CoverSheet cover) {
        this.rows = rows;
        this.normaliser = normaliser;
        this.cover = cover;
    }

    @Override
    public ImportResult read() {
        ImportItem item = rows.read();
        return item == null ? null : normaliser.normalise(item, cover);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        rows.open(context);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        rows.update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        rows.close();
    }
}
