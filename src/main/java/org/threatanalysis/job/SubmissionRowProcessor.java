package org.threatanalysis.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.threatanalysis.importing.ImportItem;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.importing.RowNormaliser;
import org.threatanalysis.submission.CoverSheet;

/** Normalises the rows of one submission against its cover sheet. Never filters: every row has an outcome. */
class SubmissionRowProcessor implements ItemProcessor<ImportItem, ImportResult> {

    private final RowNormaliser normaliser;
    private final CoverSheet cover;

    SubmissionRowProcessor(RowNormaliser normaliser, CoverSheet cover) {
        this.normaliser = normaliser;
        this.cover = cover;
    }

    @Override
    public ImportResult process(ImportItem item) {
        return normaliser.normalise(item, cover);
    }
}
