package org.threatanalysis.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.threatanalysis.importing.RowNormaliser;
import org.threatanalysis.normalisation.ModusOperandiMatch;
import org.threatanalysis.normalisation.ParsedRoute;
import org.threatanalysis.normalisation.UnitConversion;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/**
 * Step after the import: re-normalises staged rows whose codes were computed with other reference
 * data than the run's current one, from their raw values, without reading any workbook: MO code,
 * method, confidence and suggestions of modus operandi; countries, places, transport and problem
 * of routes; commodity code and the converted value of indicators. Block by block
 * ({@code ta_row_block}): each block is read, normalised again and written back.
 *
 * <p>Which reference data normalised each submission's rows is recorded with every import chunk
 * ({@code ta_normalised_with}); in a plain run it is the current one and this step does nothing.
 * It matters when the reference data changed between an import and its restart, or when staged
 * rows are reused: an incremental night copies rows of unchanged submissions from the last
 * completed run together with that record, so they are re-normalised exactly when the reference
 * data changed since. The "route not fully understood" findings are made again from the new
 * parse, so they follow it too.
 *
 * <p>One submission per transaction (the tasklet is called again until none is left), so memory
 * is bounded by one submission and a restart continues with the submissions not yet done.
 */
final class NormaliseStagedTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NormaliseStagedTasklet.class);

    private final StagingRepository staging;
    private final RunNormalisation normalisation;

    private final ConsolidationProperties properties;

    NormaliseStagedTasklet(StagingRepository staging, RunNormalisation normalisation,
            ConsolidationProperties properties) {
        this.staging = staging;
        this.normalisation = normalisation;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        long runId = RunIds.of(stepExecution);
        var parameters = stepExecution.getJobParameters();
        Path input = Path.of(parameters.getString(JobParameterNames.INPUT));
        Path output = Path.of(parameters.getString(JobParameterNames.OUTPUT));
        RunNormalisation.Normalisers n = normalisation.forInput(input, normalisation.excludedFolders(output));
        // The reference data and the matching settings: rows normalised with another key are redone.
        String fingerprint = WriteWorkbookTasklet.referenceKey(n, properties);
        List<StagingRepository.RowsKey> stale = staging.normalisedWithOtherThan(runId, fingerprint);
        if (stale.isEmpty()) {
            log.info("Staged rows of run {} are normalised with the current {}; nothing to re-normalise",
                    runId, n.reference().description());
            return RepeatStatus.FINISHED;
        }
        // The rows may have been imported by an earlier run (an unchanged file): they are
        // re-normalised where they are, under their rows key.
        StagingRepository.RowsKey key = stale.get(0);
        int mo = modusOperandi(key, n);
        int routes = routes(runId, key, n);
        int indicators = indicators(key, n);
        staging.replaceNormalisedWith(key, fingerprint);
        staging.countRows(key);
        contribution.incrementWriteCount(mo + routes + indicators);
        log.info("Re-normalised the rows imported as submission {} of run {} with {}: {} modus operandi, {} routes,"
                + " {} indicators; {} left", key.submission(), key.run(), n.reference().description(), mo, routes, indicators, stale.size() - 1);
        return stale.size() > 1 ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    /**
     * Re-normalises one table of an import block by block: each block's rows are read, normalised
     * again and written back under the same key (the same rows, so the same smallest row).
     */
    private <T extends StagedRows.Staged> int renormalise(StagingRepository.RowsKey key, RowTable table,
            java.util.function.UnaryOperator<T> renormalise) {
        int[] rows = {0};
        staging.importBlocks(key, table, block -> {
            List<T> redone = new ArrayList<>(block.rows());
            for (T row : block.<T>readRows()) {
                redone.add(renormalise.apply(row));
            }
            staging.replaceBlock(block, redone);
            rows[0] += redone.size();
        });
        return rows[0];
    }

    private int modusOperandi(StagingRepository.RowsKey key, RunNormalisation.Normalisers n) {
        return this.<StagedRows.ModusOperandi>renormalise(key, RowTable.MODUS_OPERANDI, r -> {
            ModusOperandiMatch match = n.modusOperandi().match(r.text(), r.codeRaw(), r.crimeArea());
            return new StagedRows.ModusOperandi(r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                    r.crimeAreaRaw(), r.text(), r.codeRaw(), match.code(), match.method().name(), match.confidence(),
                    RowNormaliser.suggestions(match), r.trend(), r.trendRaw(), r.notes());
        });
    }

    private int routes(long runId, StagingRepository.RowsKey key, RunNormalisation.Normalisers n) {
        // The submitter (some route parses depend on it) and path of the run's submission reading these rows.
        Map<String, Object> submission = staging.jdbc().queryForMap("SELECT s.submitter, s.relative_path"
                + " FROM ta_submission_rows k JOIN ta_submission s ON s.run_id = k.run_id AND s.submission_id = k.submission_id"
                + " WHERE k.run_id = ? AND k.rows_run = ? AND k.rows_submission = ? LIMIT 1", runId, key.run(),
                key.submission());
        String submitter = (String) submission.get("SUBMITTER");
        String file = (String) submission.get("RELATIVE_PATH");
        List<StagedRows.DataQualityIssue> findings = new ArrayList<>();
        int rows = this.<StagedRows.Route>renormalise(key, RowTable.ROUTE, r -> {
            ParsedRoute parsed = n.routes().parse(r.text(), r.transportRaw(), submitter);
            if (parsed.problem() != null) {
                findings.add(routeFinding(r.submissionId(), file, r.source(), r.sheetRow(), r.text(), parsed.problem()));
            }
            return new StagedRows.Route(r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                    r.crimeAreaRaw(), r.commodity(), r.commodityRaw(), r.text(), parsed.countrySequence(),
                    parsed.places().isEmpty() ? null : String.join("; ", parsed.places()), parsed.transport(),
                    r.transportRaw(), r.trend(), r.trendRaw(), parsed.problem(), r.notes());
        });
        // The route findings follow the parse: a place the analyst decided is no longer a finding,
        // a place removed from the reference data becomes one (the same words as the import's).
        staging.jdbc().update("DELETE FROM ta_data_quality WHERE run_id = ? AND submission_id = ? AND NOT row_rejected"
                + " AND reason LIKE ?", key.run(), key.submission(), RowNormaliser.ROUTE_FINDING_PREFIX + "%");
        staging.insertDataQuality(key.run(), findings);
        return rows;
    }

    /** The import's finding for a route it did not fully understand, from the staged row (source is file!sheet!cell). */
    private static StagedRows.DataQualityIssue routeFinding(int submissionId, String file, String source, int sheetRow,
            String text, String problem) {
        String sheetAndCell = source.startsWith(file + "!") ? source.substring(file.length() + 1) : source;
        int bang = sheetAndCell.lastIndexOf('!');
        String sheet = bang < 0 ? null : sheetAndCell.substring(0, bang);
        String cell = bang < 0 ? sheetAndCell : sheetAndCell.substring(bang + 1);
        return new StagedRows.DataQualityIssue(submissionId, file, sheet, cell, sheetRow, text,
                RowNormaliser.routeFinding(problem), false);
    }

    private int indicators(StagingRepository.RowsKey key, RunNormalisation.Normalisers n) {
        UnitConversion units = new UnitConversion(n.reference());
        return this.<StagedRows.Indicator>renormalise(key, RowTable.INDICATOR, r -> {
            String commodityRaw = r.commodityRaw();
            String commodity = commodityRaw == null ? null
                    : n.reference().commodities().lookup(commodityRaw).orElse(null);
            String kind = commodity == null ? null
                    : n.reference().commodities().entry(commodity).map(e -> e.attribute("kind")).orElse(null);
            String unitRaw = r.unitRaw();
            String unit = unitRaw == null ? null : units.unitCode(unitRaw).orElse(null);
            BigDecimal reported = r.value();
            BigDecimal normalised = null;
            String normalisedUnit = null;
            if ("NUMBER".equals(r.valueStatus()) && reported != null) {
                if (unitRaw == null) {
                    normalised = reported;
                } else if (unit != null) {
                    UnitConversion.Converted converted = units.convert(reported, unit, commodity, kind);
                    if (converted.problem() == null) {
                        normalised = converted.value();
                        normalisedUnit = converted.unit();
                    }
                }
            }
            return new StagedRows.Indicator(r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                    r.crimeAreaRaw(), r.indicator(), r.indicatorRaw(), commodity, commodityRaw, r.valueStatus(),
                    r.valueRaw(), reported, unit, unitRaw, normalised, normalisedUnit, r.notes());
        });
    }
}
