package org.threatanalysis.job;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.importing.RowNormaliser;
import org.threatanalysis.importing.SubmissionRowReader;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;
import org.threatanalysis.submission.CoverSheet;
import org.threatanalysis.submission.CoverSheetReader;
import org.threatanalysis.submission.SubmissionRegistrar;
import org.threatanalysis.workbook.ConsolidatedWorkbookWriter;

/**
 * The consolidation job: register submissions, import them (one partition per submission), write
 * the consolidated workbook. Every step is restartable: a restarted run skips completed steps
 * and completed partitions, and a partition resumes after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsolidationProperties.class)
public class ConsolidationJobConfiguration {

    public static final String JOB_NAME = "consolidation";
    public static final String REGISTER_STEP = "registerSubmissions";
    public static final String IMPORT_STEP = "importSubmissions";
    public static final String IMPORT_PARTITION_STEP = "importSubmission";
    public static final String NORMALISE_STEP = "normaliseStaged";
    public static final String WRITE_STEP = "writeWorkbook";
    /** In an import partition's execution context: the file it imports (its path within the input folder). */
    public static final String PARTITION_FILE = "submission.file";

    private static final Logger log = LoggerFactory.getLogger(ConsolidationJobConfiguration.class);

    @Bean
    ReferenceData referenceData() {
        ReferenceData reference = ReferenceData.loadDefaults();
        log.debug("Reference data {} loaded", reference.fingerprint());
        return reference;
    }

    @Bean
    CountryResolver countryResolver(ReferenceData referenceData) {
        return new CountryResolver(referenceData);
    }

    @Bean
    RunNormalisation runNormalisation(ConsolidationProperties properties) {
        return new RunNormalisation(properties);
    }

    @Bean
    SubmissionRegistrar submissionRegistrar(ReferenceData referenceData, CountryResolver countryResolver,
            ConsolidationProperties properties) {
        return new SubmissionRegistrar(new CoverSheetReader(referenceData, countryResolver), properties.budget(),
                properties.importThreads());
    }

    @Bean
    ConsolidatedWorkbookWriter consolidatedWorkbookWriter(StagingRepository staging, ConsolidationProperties properties) {
        return new ConsolidatedWorkbookWriter(staging, properties.writeThreads());
    }

    @Bean
    Job consolidationJob(JobRepository jobRepository, Step registerSubmissions, Step importSubmissions,
            Step normaliseStaged, Step writeWorkbook, StagingRepository staging) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(registerSubmissions)
                .next(importSubmissions)
                .next(normaliseStaged)
                .next(writeWorkbook)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution jobExecution) {
                        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
                            // Older runs can no longer be restarted usefully once a newer one has completed.
                            staging.deleteOtherRuns(jobExecution.getJobInstanceId());
                        }
                    }
                })
                .build();
    }

    @Bean
    Step registerSubmissions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SubmissionRegistrar submissionRegistrar, StagingRepository staging, ConsolidationProperties properties,
            RunNormalisation runNormalisation, List<ConsolidationStepListener> listeners) {
        TaskletStepBuilder builder = new StepBuilder(REGISTER_STEP, jobRepository)
                .tasklet(new RegisterSubmissionsTasklet(submissionRegistrar, staging, properties, runNormalisation),
                        transactionManager);
        listeners.forEach(l -> builder.listener((StepExecutionListener) l).listener((ChunkListener<?, ?>) l));
        return builder.build();
    }

    @Bean
    Step importSubmissions(JobRepository jobRepository, Step importSubmission, SubmissionPartitioner submissionPartitioner,
            ConsolidationProperties properties, StagingRepository staging, PlatformTransactionManager transactionManager,
            List<ConsolidationStepListener> listeners) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("import-");
        executor.setConcurrencyLimit(properties.importThreads());
        PartitionStepBuilder builder = new StepBuilder(IMPORT_STEP, jobRepository)
                .partitioner(IMPORT_PARTITION_STEP, submissionPartitioner)
                .step(importSubmission)
                .taskExecutor(executor)
                .gridSize(properties.importThreads())
                .listener(new YearsDecidedAgainAfterImport(staging, transactionManager));
        listeners.forEach(l -> builder.listener((StepExecutionListener) l));
        return builder.build();
    }

    @Bean
    @StepScope
    SubmissionPartitioner submissionPartitioner(StagingRepository staging,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new SubmissionPartitioner(staging, RunIds.of(stepExecution));
    }

    @Bean
    Step importSubmission(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            NormalisingRowReader submissionRowReader, StagingItemWriter stagingItemWriter, ConsolidationProperties properties, StagingRepository staging,
            List<ConsolidationStepListener> listeners) {
        // Items are batches of rows (RowBatches); a chunk is consolidation.chunk-size rows.
        ChunkOrientedStepBuilder<List<ImportResult>, List<ImportResult>> builder = new StepBuilder(IMPORT_PARTITION_STEP, jobRepository)
                .<List<ImportResult>, List<ImportResult>>chunk(RowBatches.perChunk(properties.chunkSize()))
                .transactionManager(transactionManager)
                .reader(new PartitionReader(submissionRowReader))
                .writer(stagingItemWriter)
                .listener(new ImportVerificationListener(staging, properties))
                .listener(new RowBatches());
        listeners.forEach(l -> builder.listener((StepListener) l));
        return builder.build();
    }

    // Step-scoped: one per partition. The partition step reads it through PartitionReader, which
    // takes the partition's own object from this proxy when the partition opens it.
    @Bean
    @StepScope
    NormalisingRowReader submissionRowReader(StagingRepository staging, RunNormalisation runNormalisation,
            ConsolidationProperties properties, @Value("#{stepExecution}") StepExecution stepExecution) {
        SubmissionRecord submission = submission(staging, stepExecution);
        Path input = Path.of(stepExecution.getJobParameters().getString(JobParameterNames.INPUT));
        RunNormalisation.Normalisers normalisers = normalisers(runNormalisation, stepExecution);
        SubmissionRowReader rows = new SubmissionRowReader(submission.submissionId(),
                input.resolve(submission.relativePath()), submission.relativePath(), submission.fingerprint(),
                normalisers.reference().headerAliases(), properties.budget());
        return new NormalisingRowReader(rows, normalisers.rows(), CoverSheet.of(submission), properties.chunkSize());
    }

    private static RunNormalisation.Normalisers normalisers(RunNormalisation runNormalisation, StepExecution stepExecution) {
        var parameters = stepExecution.getJobParameters();
        return runNormalisation.forInput(Path.of(parameters.getString(JobParameterNames.INPUT)),
                runNormalisation.excludedFolders(Path.of(parameters.getString(JobParameterNames.OUTPUT))));
    }

    @Bean
    @StepScope
    StagingItemWriter stagingItemWriter(StagingRepository staging, RunNormalisation runNormalisation,
            ConsolidationProperties properties, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new StagingItemWriter(staging, RunIds.of(stepExecution),
                stepExecution.getExecutionContext().getInt(SubmissionPartitioner.SUBMISSION_ID),
                WriteWorkbookTasklet.referenceKey(normalisers(runNormalisation, stepExecution), properties));
    }

    private static SubmissionRecord submission(StagingRepository staging, StepExecution stepExecution) {
        int submissionId = stepExecution.getExecutionContext().getInt(SubmissionPartitioner.SUBMISSION_ID);
        return staging.submission(RunIds.of(stepExecution), submissionId);
    }

    @Bean
    Step normaliseStaged(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StagingRepository staging, RunNormalisation runNormalisation, ConsolidationProperties properties,
            List<ConsolidationStepListener> listeners) {
        TaskletStepBuilder builder = new StepBuilder(NORMALISE_STEP, jobRepository)
                .tasklet(new NormaliseStagedTasklet(staging, runNormalisation, properties), transactionManager);
        listeners.forEach(l -> builder.listener((StepExecutionListener) l).listener((ChunkListener<?, ?>) l));
        return builder.build();
    }

    @Bean
    Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ConsolidatedWorkbookWriter consolidatedWorkbookWriter, ConsolidationProperties properties,
            RunNormalisation runNormalisation, StagingRepository staging, List<ConsolidationStepListener> listeners) {
        TaskletStepBuilder builder = new StepBuilder(WRITE_STEP, jobRepository)
                .tasklet(new WriteWorkbookTasklet(consolidatedWorkbookWriter, properties, runNormalisation, staging),
                        transactionManager);
        listeners.forEach(l -> builder.listener((StepExecutionListener) l).listener((ChunkListener<?, ?>) l));
        return builder.build();
    }
}
