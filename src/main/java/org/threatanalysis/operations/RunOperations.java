package org.threatanalysis.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.threatanalysis.job.ConsolidationJobConfiguration;
import org.threatanalysis.job.ConsolidationProperties;
import org.threatanalysis.job.JobParameterNames;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;
import org.threatanalysis.submission.SubmissionDiscovery;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * Starts, restarts and reports on consolidation runs. The process that holds the database lock
 * is the only one running, so an execution found {@code STARTED} at start-up was left by a crash
 * and is recovered (marked failed) before anything else.
 */
@Service
public class RunOperations {

    private static final Logger log = LoggerFactory.getLogger(RunOperations.class);
    private static final String GENERIC_PARTITION_FAILURE = "Partition handler returned an unsuccessful step";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job consolidationJob;
    private final StagingRepository staging;
    private final ConsolidationProperties properties;

    public RunOperations(JobOperator jobOperator, JobRepository jobRepository, Job consolidationJob,
            StagingRepository staging, ConsolidationProperties properties) {
        this.properties = properties;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.consolidationJob = consolidationJob;
        this.staging = staging;
    }

    /**
     * What the operator (or the scheduler) asked to run.
     *
     * @param runDate the business date of the run; {@code null} for today
     * @param fresh start a new run even when the latest run of that date failed
     */
    public record RunRequest(Path input, Path output, Integer fromYear, Integer toYear, LocalDate runDate,
            boolean fresh) {

        public RunRequest(Path input, Path output, Integer fromYear, Integer toYear) {
            this(input, output, fromYear, toYear, null, false);
        }
    }

    /** A run was refused because the latest run of the same date failed and should be restarted. */
    public static final class RestartRequiredException extends IllegalStateException {
        public RestartRequiredException(String message) {
            super(message);
        }
    }

    /** Marks executions left {@code STARTED} by a crashed process as failed, so they can be restarted. */
    public List<Long> recoverCrashedRuns() {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(ConsolidationJobConfiguration.JOB_NAME)) {
            log.warn("Run {} (execution {}) was left {} by a process that stopped; marking it failed so it can be restarted",
                    execution.getJobInstanceId(), execution.getId(), execution.getStatus());
            jobOperator.recover(execution);
            recovered.add(execution.getId());
        }
        return recovered;
    }

    /**
     * Starts a new run for the request's date. The first run of a date is sequence 1; a further
     * run of the same date after a completed one takes the next sequence number. If the latest
     * run of that date failed, a new run is refused (the operator should {@code restart} it)
     * unless the request says {@code fresh}.
     *
     * @throws RestartRequiredException when the latest run of the date failed and fresh was not asked for
     */
    public JobExecution start(RunRequest request) throws Exception {
        recoverCrashedRuns();
        staging.upgradeFromEarlierVersion();
        LocalDate date = request.runDate() != null ? request.runDate() : LocalDate.now();
        long sequence = 1;
        JobInstance latest = null;
        while (true) {
            JobInstance instance = jobRepository.getJobInstance(ConsolidationJobConfiguration.JOB_NAME,
                    parameters(request, date, sequence));
            if (instance == null) {
                break;
            }
            latest = instance;
            sequence++;
        }
        if (latest != null && !request.fresh()) {
            JobExecution last = jobRepository.getLastJobExecution(latest);
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                throw new RestartRequiredException("The run of " + date + " (run " + latest.getInstanceId()
                        + ", execution " + last.getId() + ") ended " + last.getStatus() + "; nothing was started. "
                        + "Fix the cause and use 'restart' to continue it from the failed step, "
                        + "or 'run --fresh' (or 'restart --fresh') to start a new run from the beginning.");
            }
        }
        JobParameters jobParameters = parameters(request, date, sequence);
        log.info("Starting consolidation run of {} (sequence {}): input {}, output {}", date, sequence,
                request.input(), request.output());
        return jobOperator.start(consolidationJob, jobParameters);
    }

    /** Starts a new run with the same folders, years and date as the given one (the next sequence number). */
    public JobExecution startFresh(JobExecution previous) throws Exception {
        JobParameters p = previous.getJobParameters();
        Long from = p.getLong(JobParameterNames.FROM_YEAR);
        Long to = p.getLong(JobParameterNames.TO_YEAR);
        String date = p.getString(JobParameterNames.RUN_DATE);
        log.info("Starting afresh instead of restarting run {}", previous.getJobInstanceId());
        return start(new RunRequest(Path.of(p.getString(JobParameterNames.INPUT)),
                Path.of(p.getString(JobParameterNames.OUTPUT)), from == null ? null : from.intValue(),
                to == null ? null : to.intValue(), date == null ? null : LocalDate.parse(date), true));
    }

    private static JobParameters parameters(RunRequest request, LocalDate date, long sequence) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(JobParameterNames.INPUT, request.input().toAbsolutePath().normalize().toString())
                .addString(JobParameterNames.OUTPUT, request.output().toAbsolutePath().normalize().toString())
                .addString(JobParameterNames.RUN_DATE, date.toString())
                .addLong(JobParameterNames.RUN_SEQUENCE, sequence);
        if (request.fromYear() != null) {
            parameters.addLong(JobParameterNames.FROM_YEAR, request.fromYear().longValue());
        }
        if (request.toYear() != null) {
            parameters.addLong(JobParameterNames.TO_YEAR, request.toYear().longValue());
        }
        return parameters.toJobParameters();
    }

    /**
     * What changed in the input folder since the run registered its files: files whose SHA-256
     * differs, files gone and files added. Empty when nothing changed, or when the run never
     * completed its registration (a restart then registers the files anew).
     */
    public List<String> inputChanges(JobExecution execution) throws IOException {
        long runId = execution.getJobInstanceId();
        List<SubmissionRecord> registered = staging.submissions(runId);
        if (registered.isEmpty()) {
            return List.of();
        }
        Path input = Path.of(execution.getJobParameters().getString(JobParameterNames.INPUT));
        Path output = Path.of(execution.getJobParameters().getString(JobParameterNames.OUTPUT));
        List<String> changes = new ArrayList<>();
        if (!Files.isDirectory(input)) {
            changes.add("the input folder " + input + " is gone");
            return changes;
        }
        Set<String> present = new LinkedHashSet<>();
        for (Path file : SubmissionDiscovery.discover(input, Set.of(output.toAbsolutePath().normalize(),
                properties.database().toAbsolutePath().normalize()))) {
            present.add(input.relativize(file).toString().replace('\\', '/'));
        }
        Set<String> known = new LinkedHashSet<>();
        for (SubmissionRecord record : registered) {
            known.add(record.relativePath());
            Path file = input.resolve(record.relativePath());
            if (!present.contains(record.relativePath())) {
                changes.add(record.relativePath() + " was removed");
            } else if (record.fingerprint() != null) {
                String now = SubmissionRegistrar.sha256(file);
                if (!now.equals(record.fingerprint())) {
                    changes.add(record.relativePath() + " changed (SHA-256 " + record.fingerprint().substring(0, 12)
                            + "... is now " + now.substring(0, 12) + "...)");
                }
            }
        }
        for (String path : present) {
            if (!known.contains(path) && SubmissionDiscovery.ignoreReason(input, input.resolve(path)) == null) {
                changes.add(path + " was added");
            }
        }
        return changes;
    }

    /** The execution {@code restart} would continue: the one named, or the newest run's last execution. */
    public Optional<JobExecution> restartCandidate(Long executionId) {
        if (executionId != null) {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        }
        JobInstance last = jobRepository.getLastJobInstance(ConsolidationJobConfiguration.JOB_NAME);
        return last == null ? Optional.empty() : Optional.ofNullable(jobRepository.getLastJobExecution(last));
    }

    /**
     * Restarts a failed run from its failed step.
     *
     * @throws IllegalStateException with an operator-readable reason when the run cannot be restarted
     */
    public JobExecution restart(JobExecution execution) throws Exception {
        staging.upgradeFromEarlierVersion();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException("Run " + execution.getJobInstanceId() + " (execution " + execution.getId()
                    + ") completed; there is nothing to restart. Use 'run' for a new run.");
        }
        if (execution.getStatus() == BatchStatus.ABANDONED) {
            throw new IllegalStateException("Run " + execution.getJobInstanceId() + " was abandoned and cannot be restarted.");
        }
        JobInstance newest = jobRepository.getLastJobInstance(ConsolidationJobConfiguration.JOB_NAME);
        if (newest != null && newest.getInstanceId() != execution.getJobInstanceId()) {
            throw new IllegalStateException("Run " + execution.getJobInstanceId() + " is not the newest run (run "
                    + newest.getInstanceId() + " started after it); its staged data may be gone. Use 'run' for a new run.");
        }
        JobExecution latest = jobRepository.getLastJobExecution(jobRepository.getJobInstance(execution.getJobInstanceId()));
        if (latest != null && latest.getId() != execution.getId() && latest.getStatus() != BatchStatus.FAILED
                && latest.getStatus() != BatchStatus.STOPPED) {
            throw new IllegalStateException("Execution " + execution.getId() + " was already restarted as execution "
                    + latest.getId() + " (" + latest.getStatus() + ").");
        }
        log.info("Restarting run {} from execution {} ({})", execution.getJobInstanceId(), execution.getId(),
                execution.getStatus());
        return jobOperator.restart(latest != null ? latest : execution);
    }

    public RunSummary summary(JobExecution execution) {
        long runId = execution.getJobInstanceId();
        int accepted = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'ACCEPTED'", runId);
        int rejected = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'REJECTED'", runId);
        int ignored = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'IGNORED'", runId);
        int superseded = (int) staging.count("""
                SELECT COUNT(*) FROM ta_submission s WHERE s.run_id = ? AND s.status = 'ACCEPTED' AND NOT EXISTS (
                    SELECT 1 FROM ta_submission_year y WHERE y.run_id = s.run_id AND y.submission_id = s.submission_id
                    AND y.status = 'STANDING')""", runId);
        // From the counts each import left (ta_row_count): the row tables are not scanned.
        long staged = 0;
        long rowsRejected = 0;
        long review = 0;
        for (Map<String, long[]> counts : staging.rowCountsBySubmission(runId).values()) {
            for (String table : List.of("indicator", "modus_operandi", "route")) {
                staged += counts.getOrDefault(table, new long[2])[0];
            }
            rowsRejected += counts.getOrDefault("rejected", new long[2])[0];
            review += counts.getOrDefault("modus_operandi", new long[2])[1];
        }
        long findings = staging.count("SELECT COUNT(*) FROM " + StagingRepository.runRows("ta_data_quality"), runId);
        String output = execution.getExecutionContext().containsKey("output.file")
                ? execution.getExecutionContext().getString("output.file") : null;
        int reused = (int) staging.count("SELECT COUNT(*) FROM ta_reused_submission WHERE run_id = ?", runId);
        Long currentSince = execution.getStatus() == BatchStatus.COMPLETED
                && execution.getExecutionContext().containsKey("workbook.current.since")
                        ? execution.getExecutionContext().getLong("workbook.current.since") : null;
        return new RunSummary(runId, execution.getId(), execution.getStatus().name(), exitDescription(execution),
                accepted, rejected, ignored, superseded, staged, rowsRejected, findings, review, output, reused,
                currentSince);
    }

    /** The cause of a failure in one readable line. */
    public static String exitDescription(JobExecution execution) {
        // The failed step's own cause says more than the job's: a failed import partition makes
        // the job report only "Partition handler returned an unsuccessful step".
        List<StepExecution> failedSteps = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED)
                .sorted(Comparator.comparing((StepExecution step) -> !step.getStepName().contains(":"))
                        .thenComparingLong(StepExecution::getId))
                .toList();
        for (StepExecution step : failedSteps) {
            String line = firstLine(step).replaceAll("\\s+", " ").strip();
            if (!line.isEmpty() && !line.startsWith(GENERIC_PARTITION_FAILURE)) {
                return line;
            }
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (!failures.isEmpty()) {
            Throwable root = failures.get(0);
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
            return message.replaceAll("\\s+", " ").strip();
        }
        String description = execution.getExitStatus().getExitDescription();
        if (description == null || description.isBlank()) {
            return "";
        }
        return withoutExceptionClass(description.lines().findFirst().orElse("").strip());
    }

    /** Recent runs, newest first, with their steps. Called with the run lock held (no run is in progress). */
    public String history(int limit) {
        StringBuilder out = new StringBuilder();
        List<JobInstance> instances = jobRepository.getJobInstances(ConsolidationJobConfiguration.JOB_NAME, 0, limit);
        if (instances.isEmpty()) {
            return "No runs yet." + System.lineSeparator();
        }
        String lastFailure = null;
        for (JobInstance instance : instances) {
            List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
            executions.sort(Comparator.comparingLong(JobExecution::getId));
            for (JobExecution execution : executions) {
                JobParameters p = execution.getJobParameters();
                out.append(String.format("Run %d  execution %d  %-9s  date %s#%s  started %s  took %s  input %s%n",
                        instance.getInstanceId(), execution.getId(), execution.getStatus(),
                        p.getString(JobParameterNames.RUN_DATE, "-"), p.getLong(JobParameterNames.RUN_SEQUENCE, 1L),
                        time(execution.getStartTime()), duration(execution.getStartTime(), execution.getEndTime()),
                        p.getString(JobParameterNames.INPUT)));
                // Shown while this process holds the run lock: one still STARTED was left by a process that stopped.
                if (execution.isRunning()) {
                    out.append("    left ").append(execution.getStatus()).append(" by a process that stopped (a crash, a kill,"
                            + " a power cut): 'restart' continues it").append(System.lineSeparator());
                }
                List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
                steps.sort(Comparator.comparingLong(StepExecution::getId));
                int partitions = 0;
                int completed = 0;
                int waiting = 0;
                for (StepExecution step : steps) {
                    if (step.getStepName().contains(":")) {
                        partitions++;
                        // Listed: the partitions that ran and did not complete, the ones to look at.
                        if (step.getStatus() == BatchStatus.COMPLETED) {
                            completed++;
                            continue;
                        }
                        if (step.getStatus() == BatchStatus.STARTING) {
                            waiting++; // created with the others, never begun
                            continue;
                        }
                    }
                    out.append(String.format("    %-36s %-9s read %6d  written %6d  skipped %4d  %s%s%n",
                            step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
                            step.getSkipCount(), duration(step.getStartTime(), step.getEndTime()), note(step)));
                }
                if (partitions > 0) {
                    out.append(String.format("    (%d submission partitions: %d completed, %d not begun, not listed)%n",
                            partitions, completed, waiting));
                }
                String cause = exitDescription(execution);
                if (execution.getStatus() == BatchStatus.FAILED && !cause.isBlank()) {
                    out.append("    cause: ").append(cause).append(System.lineSeparator());
                    if (lastFailure == null) {
                        lastFailure = "Last failure: run " + instance.getInstanceId() + " execution " + execution.getId()
                                + ": " + cause;
                    }
                }
            }
        }
        if (lastFailure != null) {
            out.append(lastFailure).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** After a step's figures: an import partition's file, then why a failed step failed, or what a night skipped. */
    private static String note(StepExecution step) {
        String file = step.getExecutionContext().getString(ConsolidationJobConfiguration.PARTITION_FILE, null);
        if (step.getStatus() == BatchStatus.FAILED) {
            return "  " + (file == null ? "" : file + ": ") + firstLine(step);
        }
        return file == null ? incrementalNote(step) : "  " + file;
    }

    /** What an incremental night skipped, as the registration and write steps said it (their exit description). */
    private static String incrementalNote(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED
                || !(step.getStepName().equals(ConsolidationJobConfiguration.REGISTER_STEP)
                        || step.getStepName().equals(ConsolidationJobConfiguration.WRITE_STEP))) {
            return "";
        }
        String description = step.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? "" : "  " + description.lines().findFirst().orElse("").strip();
    }

    private static String firstLine(StepExecution step) {
        String description = step.getExitStatus().getExitDescription();
        if (!step.getFailureExceptions().isEmpty()) {
            Throwable root = step.getFailureExceptions().get(0);
            while (root.getCause() != null) {
                root = root.getCause();
            }
            description = root.getMessage();
        }
        return description == null ? "" : withoutExceptionClass(rootLine(description));
    }

    /** From a stored stack trace, the root cause's line (the last "Caused by:"), else the first line. */
    private static String rootLine(String description) {
        List<String> lines = description.lines().map(String::strip).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Caused by: ")) {
                return lines.get(i).substring("Caused by: ".length());
            }
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** "java.io.IOException: The output folder ..." reads better as "The output folder ...". */
    private static String withoutExceptionClass(String line) {
        return line.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null || end == null) {
            return "-";
        }
        Duration d = Duration.between(start, end);
        return String.format("%d.%03ds", d.toSeconds(), d.toMillisPart());
    }
}
