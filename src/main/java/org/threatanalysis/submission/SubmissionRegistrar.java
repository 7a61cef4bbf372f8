package org.threatanalysis.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.threatanalysis.reading.OverBudgetException;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.SubmissionWorkbook;
import org.threatanalysis.reading.UnreadableWorkbookException;
import org.threatanalysis.reading.WorkbookOpener;
import org.threatanalysis.reference.ReferenceWorkbook;
import org.threatanalysis.staging.SubmissionRecord;

/**
 * Registers every file under the input folder: fingerprints it, opens workbooks and validates
 * their cover sheet, and says for each file whether it is accepted, rejected (with a reason) or
 * ignored (with a reason). One bad file never stops the others.
 *
 * <p>Each file is opened under the {@link ReadingBudget} (package, workbook part, styles and
 * shared strings), its cover sheet is read through ({@link WorkbookScan}) and validated, and its
 * data sheets are looked for. This happens on a worker thread with the budget's time limit, so
 * that a file that makes POI hang or recurse is rejected (any {@link Throwable} but a
 * {@link VirtualMachineError} other than a stack overflow becomes a reason) and the run goes on.
 * The data sheets are read once, by the import, under the same budget: a file that breaks it
 * there is rejected as a whole then (see {@code SubmissionRowReader}).
 */
public final class SubmissionRegistrar {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRegistrar.class);
    private static final List<String> DATA_SHEETS = List.of("Indicators", "Modus operandi", "Routes");

    private final CoverSheetReader coverSheets;
    private final ReadingBudget budget;
    private final int parallelism;

    public SubmissionRegistrar(CoverSheetReader coverSheets) {
        this(coverSheets, ReadingBudget.defaults());
    }

    public SubmissionRegistrar(CoverSheetReader coverSheets, ReadingBudget budget) {
        this(coverSheets, budget, 1);
    }

    /** @param parallelism how many files are read at a time */
    public SubmissionRegistrar(CoverSheetReader coverSheets, ReadingBudget budget, int parallelism) {
        this.coverSheets = coverSheets;
        this.budget = budget;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * A registered file (an accepted one's record holds its cover sheet), and the earlier run's
     * record it was taken from when the file was not read again ({@code null} when it was read).
     */
    public record Registered(SubmissionRecord record, SubmissionRecord reusedFrom) {

        public Registered(SubmissionRecord record) {
            this(record, null);
        }
    }

    public List<Registered> register(Path inputFolder, Set<Path> excludedFolders) throws IOException {
        return register(inputFolder, excludedFolders, Map.of());
    }

    /**
     * Registers the files under the input folder. A file whose relative path and SHA-256 equal
     * those of a record in {@code known} (an accepted submission or a reference workbook of the
     * last completed run) is not opened again: its registration is taken over from that record.
     */
    public List<Registered> register(Path inputFolder, Set<Path> excludedFolders, Map<String, SubmissionRecord> known)
            throws IOException {
        List<Path> files = SubmissionDiscovery.discover(inputFolder, excludedFolders);
        List<Registered> registered = new ArrayList<>();
        ExecutorService worker = Executors.newCachedThreadPool(daemonThreads("register-file-"));
        // Files are read side by side on as many lanes as the import has threads; each lane
        // waits for its file with the budget's backstop, results are taken in file order.
        ExecutorService lanes = Executors.newFixedThreadPool(parallelism, daemonThreads("register-lane-"));
        try {
            List<Future<Registered>> results = new ArrayList<>();
            int id = 0;
            for (Path file : files) {
                int fileId = ++id;
                String relative = inputFolder.relativize(file).toString().replace('\\', '/');
                results.add(lanes.submit(() -> registerOne(worker, fileId, inputFolder, file, relative,
                        known.get(relative))));
            }
            for (Future<Registered> result : results) {
                Registered last = take(result);
                registered.add(last);
                log.info("Registered {} of {} files: {} ({}{})", registered.size(), files.size(),
                        last.record().relativePath(), last.record().status(),
                        last.reusedFrom() == null ? "" : ", unchanged: not read again");
            }
        } finally {
            lanes.shutdownNow();
            worker.shutdownNow();
        }
        return registered;
    }

    /** Daemon threads: a file that hangs past its budget never keeps the JVM alive. */
    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    private static Registered take(Future<Registered> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Registration was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Registered registerOne(ExecutorService worker, int id, Path inputFolder, Path file, String relative,
            SubmissionRecord known) throws IOException {
        long size = Files.size(file);
        String ignored = SubmissionDiscovery.ignoreReason(inputFolder, file);
        if (ignored != null) {
            return new Registered(record(id, relative, size, null, SubmissionStatus.IGNORED, ignored, null));
        }
        String fingerprint = sha256(file);
        if (known != null && fingerprint.equals(known.fingerprint())) {
            return reused(id, known);
        }
        Future<Registered> result = worker.submit(() -> readOne(id, file, relative, size, fingerprint));
        // The budget's own clock is checked inside our reading loops; this is the backstop for a
        // file that makes POI itself hang: a little longer, then the worker is abandoned.
        long waitMillis = budget.timePerFile().toMillis() + 5_000;
        try {
            return result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return rejected(id, relative, size, fingerprint, "Reading the workbook took longer than the "
                    + budget.timePerFile().toSeconds() + " seconds allowed for one file; it is too large or "
                    + "malformed. Please check the file and send it again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Registration was interrupted at " + relative, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof VirtualMachineError error && !(error instanceof StackOverflowError)) {
                throw error;
            }
            return rejected(id, relative, size, fingerprint, WorkbookOpener.reasonFor(cause));
        }
    }

    private Registered readOne(int id, Path file, String relative, long size, String fingerprint) {
        ReadingBudget.Deadline deadline = budget.startClock();
        try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file, budget, deadline)) {
            if (ReferenceWorkbook.isReferenceWorkbook(workbook)) {
                return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.REFERENCE,
                        "Reference data (no cover sheet; sheets " + String.join(", ", workbook.sheetNames())
                                + "): applied over the shipped reference data, not imported as a submission.", null));
            }
            WorkbookScan.scanCoverSheet(workbook, budget, deadline);
            CoverSheet cover = coverSheets.read(workbook);
            boolean hasData = DATA_SHEETS.stream().anyMatch(name -> workbook.findSheet(name).isPresent());
            if (!hasData) {
                return rejected(id, relative, size, fingerprint, "The workbook has none of the data sheets "
                        + "'Indicators', 'Modus operandi' or 'Routes' (sheets found: "
                        + String.join(", ", workbook.sheetNames()) + ").");
            }
            return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.ACCEPTED, null, cover));
        } catch (UnreadableWorkbookException | InvalidCoverSheetException | OverBudgetException e) {
            return rejected(id, relative, size, fingerprint, e.getMessage());
        } catch (Exception | StackOverflowError | LinkageError e) {
            return rejected(id, relative, size, fingerprint, WorkbookOpener.reasonFor(e));
        }
    }

    private static Registered reused(int id, SubmissionRecord known) {
        SubmissionRecord record = new SubmissionRecord(id, known.relativePath(), known.sizeBytes(), known.fingerprint(),
                known.status(), known.reason(), known.memberState(), known.reportingEntity(), known.submitter(),
                known.memberStateRaw(), known.entityRaw(), known.periodFrom(), known.periodTo(), known.submissionDate(),
                known.revision(), known.templateVersion());
        return new Registered(record, known);
    }

    private static Registered rejected(int id, String relative, long size, String fingerprint, String reason) {
        log.warn("Rejected {}: {}", relative, reason);
        return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.REJECTED, reason, null));
    }

    private static SubmissionRecord record(int id, String relative, long size, String fingerprint,
            SubmissionStatus status, String reason, CoverSheet cover) {
        if (cover == null) {
            return new SubmissionRecord(id, relative, size, fingerprint, status.name(), reason, null, null, null, null,
                    null, null, null, null, null, null);
        }
        return new SubmissionRecord(id, relative, size, fingerprint, status.name(), reason, cover.memberState(),
                cover.reportingEntity(), cover.submitter(), cover.memberStateRaw(), cover.entityRaw(),
                cover.periodFrom(), cover.periodTo(), cover.submissionDate(), cover.revision(), cover.templateVersion());
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
