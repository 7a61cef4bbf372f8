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
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threatanalysis.reading.SubmissionWorkbook;
import org.threatanalysis.reading.UnreadableWorkbookException;
import org.threatanalysis.reference.ReferenceWorkbook;
import org.threatanalysis.staging.SubmissionRecord;

/**
 * Registers every file under the input folder: fingerprints it, opens workbooks and validates
 * their cover sheet, and says for each file whether it is accepted, rejected (with a reason) or
 * ignored (with a reason). One bad file never stops the others.
 */
public final class SubmissionRegistrar {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRegistrar.class);
    private static final List<String> DATA_SHEETS = List.of("Indicators", "Modus operandi", "Routes");

    private final CoverSheetReader coverSheets;

    public SubmissionRegistrar(CoverSheetReader coverSheets) {
        this.coverSheets = coverSheets;
    }

    /** A registered file with its cover sheet when accepted. */
    public record Registered(SubmissionRecord record, CoverSheet cover) {
    }

    public List<Registered> register(Path inputFolder, Set<Path> excludedFolders) throws IOException {
        List<Path> files = SubmissionDiscovery.discover(inputFolder, excludedFolders);
        List<Registered> registered = new ArrayList<>();
        int id = 0;
        for (Path file : files) {
            id++;
            String relative = inputFolder.relativize(file).toString().replace('\\', '/');
            registered.add(registerOne(id, inputFolder, file, relative));
            log.info("Registered {} of {} files: {} ({})", id, files.size(), relative,
                    registered.get(registered.size() - 1).record().status());
        }
        return registered;
    }

    private Registered registerOne(int id, Path inputFolder, Path file, String relative) throws IOException {
        long size = Files.size(file);
        String ignored = SubmissionDiscovery.ignoreReason(inputFolder, file);
        if (ignored != null) {
            return new Registered(record(id, relative, size, null, SubmissionStatus.IGNORED, ignored, null), null);
        }
        String fingerprint = sha256(file);
        try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file)) {
            if (ReferenceWorkbook.isReferenceWorkbook(workbook)) {
                return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.REFERENCE,
                        "Reference data (no cover sheet; sheets " + String.join(", ", workbook.sheetNames())
                                + "): applied over the shipped reference data, not imported as a submission.", null),
                        null);
            }
            CoverSheet cover = coverSheets.read(workbook);
            boolean hasData = DATA_SHEETS.stream().anyMatch(name -> workbook.findSheet(name).isPresent());
            if (!hasData) {
                return rejected(id, relative, size, fingerprint, "The workbook has none of the data sheets "
                        + "'Indicators', 'Modus operandi' or 'Routes' (sheets found: "
                        + String.join(", ", workbook.sheetNames()) + ").");
            }
            return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.ACCEPTED, null, cover), cover);
        } catch (UnreadableWorkbookException | InvalidCoverSheetException e) {
            return rejected(id, relative, size, fingerprint, e.getMessage());
        } catch (Exception | StackOverflowError e) {
            return rejected(id, relative, size, fingerprint,
                    "The workbook is damaged and cannot be read (" + e.getClass().getSimpleName() + "); please send it again.");
        }
    }

    private static Registered rejected(int id, String relative, long size, String fingerprint, String reason) {
        log.warn("Rejected {}: {}", relative, reason);
        return new Registered(record(id, relative, size, fingerprint, SubmissionStatus.REJECTED, reason, null), null);
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
