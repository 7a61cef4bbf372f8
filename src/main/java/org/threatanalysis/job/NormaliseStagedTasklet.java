package org.threatanalysis.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/**
 * Step after the import: re-normalises staged rows whose codes were computed with other reference
 * data than the run's current one, from their raw columns, without reading any workbook: MO code,
 * method, confidence and suggestions of {@code ta_modus_operandi}; countries, places, transport
 * and problem of {@code ta_route}; commodity code and the converted value of {@code ta_indicator}.
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

    private int modusOperandi(StagingRepository.RowsKey key, RunNormalisation.Normalisers n) {
        List<Object[]> updates = new ArrayList<>();
        staging.stream("SELECT submission_id, sheet_row, mo_text, mo_code_raw, crime_area FROM ta_modus_operandi"
                + " WHERE run_id = ? AND submission_id = ?", rs -> {
                    ModusOperandiMatch match = n.modusOperandi().match(rs.getString("mo_text"),
                            rs.getString("mo_code_raw"), rs.getString("crime_area"));
                    updates.add(new Object[] {match.code(), match.method().name(), match.confidence(),
                            RowNormaliser.suggestions(match), key.run(), rs.getInt("submission_id"), rs.getInt("sheet_row")});
                }, key.run(), key.submission());
        staging.jdbc().batchUpdate("UPDATE ta_modus_operandi SET mo_code = ?, match_method = ?, confidence = ?,"
                + " suggestions = ? WHERE run_id = ? AND submission_id = ? AND sheet_row = ?", updates);
        return updates.size();
    }

    private int routes(long runId, StagingRepository.RowsKey key, RunNormalisation.Normalisers n) {
        List<Object[]> updates = new ArrayList<>();
        List<StagedRows.DataQualityIssue> findings = new ArrayList<>();
        staging.stream("SELECT t.submission_id, t.sheet_row, t.source, t.route_text, t.transport_raw, s.submitter,"
                + " s.relative_path FROM ta_route t"
                + " JOIN ta_submission_rows k ON k.rows_run = t.run_id AND k.rows_submission = t.submission_id"
                + " JOIN ta_submission s ON s.run_id = k.run_id AND s.submission_id = k.submission_id"
                + " WHERE k.run_id = ? AND t.run_id = ? AND t.submission_id = ?",
                rs -> {
                    String text = rs.getString("route_text");
                    ParsedRoute parsed = n.routes().parse(text, rs.getString("transport_raw"), rs.getString("submitter"));
                    updates.add(new Object[] {parsed.countrySequence(),
                            parsed.places().isEmpty() ? null : String.join("; ", parsed.places()), parsed.transport(),
                            parsed.problem(), key.run(), rs.getInt("submission_id"), rs.getInt("sheet_row")});
                    if (parsed.problem() != null) {
                        findings.add(routeFinding(rs.getInt("submission_id"), rs.getString("relative_path"),
                                rs.getString("source"), rs.getInt("sheet_row"), text, parsed.problem()));
                    }
                }, runId, key.run(), key.submission());
        staging.jdbc().batchUpdate("UPDATE ta_route SET countries = ?, places = ?, transport = ?, route_problem = ?"
                + " WHERE run_id = ? AND submission_id = ? AND sheet_row = ?", updates);
        // The route findings follow the parse: a place the analyst decided is no longer a finding,
        // a place removed from the reference data becomes one (the same words as the import's).
        staging.jdbc().update("DELETE FROM ta_data_quality WHERE run_id = ? AND submission_id = ? AND NOT row_rejected"
                + " AND reason LIKE ?", key.run(), key.submission(), RowNormaliser.ROUTE_FINDING_PREFIX + "%");
        staging.insertDataQuality(key.run(), findings);
        return updates.size();
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
        List<Object[]> updates = new ArrayList<>();
        staging.stream("SELECT submission_id, sheet_row, commodity_raw, unit_raw, value_status, reported_value"
                + " FROM ta_indicator WHERE run_id = ? AND submission_id = ?", rs -> {
                    String commodityRaw = rs.getString("commodity_raw");
                    String commodity = commodityRaw == null ? null
                            : n.reference().commodities().lookup(commodityRaw).orElse(null);
                    String kind = commodity == null ? null
                            : n.reference().commodities().entry(commodity).map(e -> e.attribute("kind")).orElse(null);
                    String unitRaw = rs.getString("unit_raw");
                    String unit = unitRaw == null ? null : units.unitCode(unitRaw).orElse(null);
                    BigDecimal reported = rs.getBigDecimal("reported_value");
                    BigDecimal normalised = null;
                    String normalisedUnit = null;
                    if ("NUMBER".equals(rs.getString("value_status")) && reported != null) {
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
                    updates.add(new Object[] {commodity, unit, normalised, normalisedUnit, key.run(),
                            rs.getInt("submission_id"), rs.getInt("sheet_row")});
                }, key.run(), key.submission());
        staging.jdbc().batchUpdate("UPDATE ta_indicator SET commodity = ?, unit = ?, normalised_value = ?,"
                + " normalised_unit = ? WHERE run_id = ? AND submission_id = ? AND sheet_row = ?", updates);
        return updates.size();
    }
}
