package org.threatanalysis.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/**
 * Writes a chunk of import results (in batches of rows, {@link RowBatches}) to the staging tables
 * in JDBC batches, inside the chunk's transaction (the data rows as one block per table and year,
 * see {@code ta_row_block}), and adds the chunk's rows to the import's counts
 * ({@code ta_row_count}) in the same transaction, so that the counts always match the committed
 * rows, whenever a crash comes.
 *
 * <p>A chunk that ends with the file's rejection (the reader found it over the reading budget or
 * damaged) stages nothing: in its transaction, the rows earlier chunks staged are removed and the
 * submission is registered as rejected, with the reason. The import step then decides again which
 * submission stands for each year.
 */
class StagingItemWriter implements ItemWriter<List<ImportResult>> {

    private final StagingRepository staging;
    private final long runId;

    private final int submissionId;
    private final String referenceFingerprint;
    private boolean normalisedWithRecorded;

    StagingItemWriter(StagingRepository staging, long runId, int submissionId, String referenceFingerprint) {
        this.submissionId = submissionId;
        this.referenceFingerprint = referenceFingerprint;
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends List<ImportResult>> batches) {
        List<ImportResult> chunk = new ArrayList<>((int) RowBatches.rows(batches));
        for (List<ImportResult> batch : batches) {
            chunk.addAll(batch);
        }
        for (ImportResult result : chunk) {
            if (result.fileRejected() != null) {
                staging.rejectAtImport(runId, submissionId, result.fileRejected());
                return;
            }
        }
        List<StagedRows.Staged> rows = new ArrayList<>(chunk.size());
        List<StagedRows.PassedRow> passed = new ArrayList<>();
        List<StagedRows.DataQualityIssue> issues = new ArrayList<>();
        StagingRepository.RowCounts counts = new StagingRepository.RowCounts();
        Set<String> rejectedRows = new HashSet<>();
        for (ImportResult result : chunk) {
            if (result.staged() != null) {
                StagedRows.Staged row = result.staged();
                RowTable table = RowTable.of(row);
                rows.add(row);
                counts.add(RowTable.year(row), table.tableName(), table.flagged(row));
            }
            if (result.passed() != null) {
                passed.add(result.passed());
                counts.add(0, result.passed().kind().toLowerCase(Locale.ROOT), false);
            }
            for (StagedRows.DataQualityIssue issue : result.issues()) {
                issues.add(issue);
                if (issue.rowRejected() && issue.sheetRow() != null && rejectedRows.add(issue.sheet() + "!" + issue.sheetRow())) {
                    counts.add(0, "rejected", false);
                }
            }
        }
        staging.insertRows(new StagingRepository.RowsKey(runId, submissionId), rows);
        staging.insertPassedRows(runId, passed);
        staging.insertDataQuality(runId, issues);
        staging.addRowCounts(new StagingRepository.RowsKey(runId, submissionId), counts);
        // In the chunk's transaction: which reference data normalised these rows (see
        // NormaliseStagedTasklet). Once per partition execution is enough: its reference data
        // is fixed, and a failed chunk fails the execution (a restart records it again).
        if (!normalisedWithRecorded) {
            staging.recordNormalisedWith(runId, submissionId, referenceFingerprint);
            normalisedWithRecorded = true;
        }
    }
}
