package org.threatanalysis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Stays up and runs the job on a cron expression (Spring's {@link CronTrigger}), each firing as
 * {@code run} would: the run date is the date of the firing, the run lock is taken for the run
 * only, and the database is closed between runs, so that {@code status}, {@code restart} and
 * manual runs work between nights. A firing that finds another run holding the lock is skipped
 * and logged. Runs never overlap: the next firing is computed when a run ends.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Stay up and run the job on a cron schedule (default: consolidation.schedule.cron, nightly at 02:00).",
                "Each firing is a run for that day's date; see docs/operations.md for the night after a failure."})
final class ScheduleCommand implements Callable<Integer> {

    static final String CRON_PROPERTY = "consolidation.schedule.cron";
    static final String DEFAULT_CRON = "0 0 2 * * *";

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunOptions options;

    @Mixin
    DatabaseOption database;

    @Option(names = "--cron", paramLabel = "EXPRESSION",
            description = "Spring cron expression (second minute hour day month weekday), in the machine's time zone. "
                    + "Default: the property " + CRON_PROPERTY + " (-D or application.properties), else '" + DEFAULT_CRON + "'.")
    String cron;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N firings (0, the default: run until stopped). For trials and tests.")
    int maxRuns;

    @Override
    public Integer call() throws InterruptedException {
        String expression = cron != null ? cron : configuredCron();
        if (!CronExpression.isValidExpression(expression)) {
            spec.commandLine().getErr().println("'" + expression + "' is not a valid cron expression "
                    + "(six fields: second minute hour day-of-month month day-of-week, e.g. '" + DEFAULT_CRON + "').");
            return ExitCodes.USAGE;
        }
        Integer invalid = options.validate(spec);
        if (invalid != null) {
            return invalid;
        }
        Path databaseFolder = database.resolve();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger firings = new AtomicInteger();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        Thread hook = new Thread(stopped::countDown, "schedule-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            scheduler.schedule(() -> {
                int firing = firings.incrementAndGet();
                LocalDate date = LocalDate.now();
                log.info("Scheduled run {} for {} starting", firing, date);
                int code;
                try {
                    code = RunCommand.runOnce(spec, options, databaseFolder, date, false);
                } catch (RuntimeException e) {
                    log.error("Scheduled run for {} could not be carried out: {}", date, Commands.rootMessage(e));
                    code = ExitCodes.FAILED;
                }
                log.info("Scheduled run {} for {} ended with exit code {}{}", firing, date, code,
                        code == ExitCodes.ALREADY_RUNNING ? " (skipped: another run holds the database)" : "");
                if (maxRuns > 0 && firing >= maxRuns) {
                    stopped.countDown();
                }
            }, new CronTrigger(expression));
            log.info("Schedule '{}' started on database {}; stop with Ctrl-C or SIGTERM", expression, databaseFolder);
            stopped.await();
            log.info("Schedule stopped after {} runs", firings.get());
            return ExitCodes.SUCCESS;
        } finally {
            scheduler.shutdown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the JVM is stopping; the hook has run
            }
        }
    }

    /** The cron expression from -D, else from application.properties, else the nightly default. */
    static String configuredCron() {
        String fromSystem = System.getProperty(CRON_PROPERTY);
        if (fromSystem != null && !fromSystem.isBlank()) {
            return fromSystem.strip();
        }
        Properties properties = new Properties();
        try (InputStream in = ScheduleCommand.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall back to the default
        }
        return properties.getProperty(CRON_PROPERTY, DEFAULT_CRON).strip();
    }
}
