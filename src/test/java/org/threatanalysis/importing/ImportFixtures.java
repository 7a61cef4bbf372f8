package org.threatanalysis.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.normalisation.SeparatorRouteParser;
import org.threatanalysis.normalisation.MatchingThresholds;
import org.threatanalysis.normalisation.ScoredModusOperandiMatcher;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.submission.CoverSheet;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * Shared plumbing for tests that read fixture workbooks through {@link SubmissionRowReader} and
 * {@link RowNormaliser}: the shipped reference data (loaded once), a cover sheet, and whole reads.
 */
public final class ImportFixtures {

    public static final int SUBMISSION_ID = 7;

    private static ReferenceData reference;
    private static RowNormaliser normaliser;

    private ImportFixtures() {
    }

    public static synchronized ReferenceData reference() {
        if (reference == null) {
            reference = ReferenceData.loadDefaults();
        }
        return reference;
    }

    public static synchronized RowNormaliser normaliser() {
        if (normaliser == null) {
            ReferenceData data = reference();
            normaliser = new RowNormaliser(data, new ScoredModusOperandiMatcher(data, MatchingThresholds.DEFAULT_THRESHOLD, MatchingThresholds.DEFAULT_MARGIN),
                    new SeparatorRouteParser(data, new CountryResolver(data)));
        }
        return normaliser;
    }

    /** A Romanian cover sheet for the given reporting period. */
    public static CoverSheet cover(int periodFrom, int periodTo) {
        return new CoverSheet("RO", null, "RO", "Romania", null, periodFrom, periodTo, LocalDate.of(2022, 3, 14), 1,
                "1");
    }

    public static SubmissionRowReader reader(Path file) {
        try {
            return new SubmissionRowReader(SUBMISSION_ID, file, file.getFileName().toString(),
                    SubmissionRegistrar.sha256(file), reference().headerAliases());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every item the reader hands on for the file, from a fresh start. */
    public static List<ImportItem> readAll(Path file) {
        SubmissionRowReader reader = reader(file);
        reader.open(new ExecutionContext());
        try {
            return drain(reader);
        } finally {
            reader.close();
        }
    }

    public static List<ImportItem> drain(SubmissionRowReader reader) {
        List<ImportItem> items = new ArrayList<>();
        ImportItem item;
        while ((item = reader.read()) != null) {
            items.add(item);
        }
        return items;
    }

    public static List<ImportItem.RawRow> rawRows(List<ImportItem> items) {
        return items.stream().filter(ImportItem.RawRow.class::isInstance).map(ImportItem.RawRow.class::cast).toList();
    }

    public static List<ImportItem.SheetNotice> notices(List<ImportItem> items) {
        return items.stream().filter(ImportItem.SheetNotice.class::isInstance).map(ImportItem.SheetNotice.class::cast)
                .toList();
    }

    /** The raw row with that sheet row number, failing when the reader did not hand it on. */
    public static ImportItem.RawRow rawRow(List<ImportItem> items, String sheet, int rowNumber) {
        return rawRows(items).stream().filter(r -> r.sheetName().equals(sheet) && r.rowNumber() == rowNumber)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + rowNumber + " of " + sheet + " in " + items));
    }

    /** Reads the file and normalises each raw row against the cover sheet. */
    public static List<ImportResult> normaliseAll(Path file, CoverSheet cover) {
        List<ImportResult> results = new ArrayList<>();
        for (ImportItem item : readAll(file)) {
            results.add(normaliser().normalise(item, cover));
        }
        return results;
    }
}
