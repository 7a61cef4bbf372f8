package org.threatanalysis.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/** Writes a chunk of import results to the staging tables in JDBC batches, inside the chunk's transaction. */
class StagingItemWriter implements ItemWriter<ImportResult> {

    private final StagingRepository staging;
    private final long runId;

    private final int submissionId;
    private final String referenceFingerprint;

    StagingItemWriter(StagingRepository staging, long runId, int submissionId, String referenceFingerprint) {
        this.submissionId = submissionId;
        this.referenceFingerprint = referenceFingerprint;
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ImportResult> chunk) {
        List<StagedRows.Indicator> indicators = new ArrayList<>();
        List<StagedRows.ModusOperandi> modusOperandi = new ArrayList<>();
        List<StagedRows.Route> routes = new ArrayList<>();
        List<StagedRows.PassedRow> passed = new ArrayList<>();
        List<StagedRows.DataQualityIssue> issues = new ArrayList<>();
        for (ImportResult result : chunk) {
            if (result.staged() instanceof StagedRows.Indicator row) {
                indicators.add(row);
            } else if (result.staged() instanceof StagedRows.ModusOperandi row) {
                modusOperandi.add(row);
            } else if (result.staged() instanceof StagedRows.Route row) {
                routes.add(row);
            }
            if (result.passed() != null) {
                passed.add(result.passed());
            }
            issues.addAll(result.issues());
        }
        staging.insertIndicators(runId, indicators);
        staging.insertModusOperandi(runId, modusOperandi);
        staging.insertRoutes(runId, routes);
        staging.insertPassedRows(runId, passed);
        staging.insertDataQuality(runId, issues);
        // In the chunk's transaction: which reference data normalised these rows (see NormaliseStagedTasklet).
        staging.recordNormalisedWith(runId, submissionId, referenceFingerprint);
    }
}
