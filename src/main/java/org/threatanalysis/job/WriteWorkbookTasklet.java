package org.threatanalysis.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.submission.SubmissionRegistrar;
import org.threatanalysis.workbook.ConsolidatedWorkbookWriter;

/**
 * Last step: writes the consolidated workbook atomically. Re-running it (after a failure)
 * rewrites the whole workbook from staging; nothing is appended.
 *
 * <p>Incremental nights: the step records the written workbook's SHA-256 and the combined
 * fingerprint of the inputs it was written from ({@code ta_run_output}). When the inputs of this
 * run equal those of the last completed run (same files and SHA-256s, same reference data, same
 * period, same matching settings, same version of the job) and that run's workbook is still in
 * place unchanged, the workbook is current: nothing is written, and the step says so.
 */
final class WriteWorkbookTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteWorkbookTasklet.class);

    static final String OUTPUT_FILE = "output.file";
    /** Job context: the run whose inputs this run found unchanged, when the workbook was not written again. */
    static final String CURRENT_SINCE = "workbook.current.since";

    private final ConsolidatedWorkbookWriter writer;
    private final ConsolidationProperties properties;
    private final RunNormalisation normalisation;
    private final StagingRepository staging;

    WriteWorkbookTasklet(ConsolidatedWorkbookWriter writer, ConsolidationProperties properties,
            RunNormalisation normalisation, StagingRepository staging) {
        this.writer = writer;
        this.properties = properties;
        this.normalisation = normalisation;
        this.staging = staging;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        var parameters = stepExecution.getJobParameters();
        long runId = RunIds.of(stepExecution);
        Long from = parameters.getLong(JobParameterNames.FROM_YEAR);
        Long to = parameters.getLong(JobParameterNames.TO_YEAR);
        Path output = Path.of(parameters.getString(JobParameterNames.OUTPUT));
        RunNormalisation.Normalisers n = normalisation.forInput(Path.of(parameters.getString(JobParameterNames.INPUT)),
                normalisation.excludedFolders(output));
        var request = new ConsolidatedWorkbookWriter.Request(runId,
                from == null ? null : from.intValue(), to == null ? null : to.intValue(), output,
                properties.poiTempFolder(), new ConsolidatedWorkbookWriter.Normalisation(n.reference(), n::routes,
                        properties.matching().reviewBelow()), properties.sheetRowLimit());
        Path target = writer.target(request);
        String inputs = inputsFingerprint(runId, from, to, n, target);
        var jobContext = stepExecution.getJobExecution().getExecutionContext();

        Long previousRun = staging.lastCompletedRunWithStaging(runId);
        Optional<StagingRepository.RunOutput> previous = previousRun == null ? Optional.empty()
                : staging.runOutput(previousRun);
        if (previous.isPresent() && previous.get().inputsFingerprint().equals(inputs)
                && previous.get().workbookPath().equals(target.toString()) && Files.isRegularFile(target)
                && SubmissionRegistrar.sha256(target).equals(previous.get().workbookSha256())) {
            String message = "Nothing changed since run " + previousRun + "; the workbook " + target
                    + " is current and was not written again.";
            log.info("{}", message);
            staging.saveRunOutput(new StagingRepository.RunOutput(runId, inputs, target.toString(),
                    previous.get().workbookSha256(), previous.get().writtenByRun(),
                    n.reference().importFingerprint(), referenceKey(n, properties)));
            jobContext.putString(OUTPUT_FILE, target.toString());
            jobContext.putLong(CURRENT_SINCE, previousRun);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(message));
            return RepeatStatus.FINISHED;
        }

        DiskSpace.require(output, properties.minFreeDisk(), "output folder");
        DiskSpace.require(properties.poiTempFolder(), properties.minFreeDisk(), "temporary files of the workbook writer");
        Path written = writer.write(request);
        staging.saveRunOutput(new StagingRepository.RunOutput(runId, inputs, written.toString(),
                SubmissionRegistrar.sha256(written), runId, n.reference().importFingerprint(), referenceKey(n, properties)));
        jobContext.putString(OUTPUT_FILE, written.toString());
        jobContext.remove(CURRENT_SINCE);
        return RepeatStatus.FINISHED;
    }

    /**
     * Everything the workbook's cells are made of, in one SHA-256: every registered file (path,
     * size, SHA-256, status, reason), the reference data's fingerprint (shipped files, reference
     * workbooks, review decisions), the period asked for, the matching settings, the target file
     * and the version of the job.
     */
    private String inputsFingerprint(long runId, Long from, Long to, RunNormalisation.Normalisers n, Path target) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder("inputs-v1\n");
        text.append("version ").append(codeVersion()).append('\n');
        text.append("reference ").append(n.reference().fingerprint()).append('\n');
        text.append("period ").append(from).append(' ').append(to).append('\n');
        var matching = properties.matching();
        text.append("matching ").append(matching.threshold()).append(' ').append(matching.margin()).append(' ')
                .append(matching.reviewBelow()).append('\n');
        text.append("sheet-row-limit ").append(properties.sheetRowLimit()).append('\n');
        text.append("target ").append(target).append('\n');
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        staging.stream("SELECT relative_path, size_bytes, fingerprint, status, reason FROM ta_submission"
                + " WHERE run_id = ? ORDER BY relative_path", rs -> {
                    String line = rs.getString(1) + '\u0000' + rs.getObject(2) + '\u0000' + rs.getString(3) + '\u0000'
                            + rs.getString(4) + '\u0000' + rs.getString(5) + '\n';
                    digest.update(line.getBytes(StandardCharsets.UTF_8));
                }, runId);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The reference data and matching settings staged rows are normalised with (see NormaliseStagedTasklet). */
    static String referenceKey(RunNormalisation.Normalisers n, ConsolidationProperties properties) {
        var matching = properties.matching();
        return n.reference().fingerprint() + " " + matching.threshold() + " " + matching.margin() + " "
                + matching.reviewBelow() + " " + codeVersion();
    }

    /** The job's version: the jar's implementation version, size and time when run from a jar. */
    static String codeVersion() {
        StringBuilder version = new StringBuilder(String.valueOf(
                WriteWorkbookTasklet.class.getPackage().getImplementationVersion()));
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            try {
                Path jar = Path.of(classPath);
                version.append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException | RuntimeException e) {
                version.append(" ?");
            }
        }
        return version.toString();
    }
}
