package org.threatanalysis.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.function.SingletonSupplier;
import org.threatanalysis.importing.RowNormaliser;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.normalisation.ModusOperandiMatcher;
import org.threatanalysis.normalisation.RouteParser;
import org.threatanalysis.normalisation.ScoredModusOperandiMatcher;
import org.threatanalysis.normalisation.SeparatorRouteParser;
import org.threatanalysis.reading.SheetNames;
import org.threatanalysis.reading.SubmissionWorkbook;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.ReferenceWorkbook;
import org.threatanalysis.submission.SubmissionDiscovery;

/**
 * The reference data and normalisers of a run: the shipped defaults with the analyst's reference
 * workbooks found under the run's input folder applied over them (see
 * {@link ReferenceWorkbook}). Built once per input folder state and shared by the run's steps;
 * a restart in a new process builds it again from the same folder.
 *
 * <p>Thread-safe.
 */
public final class RunNormalisation {

    private static final Logger log = LoggerFactory.getLogger(RunNormalisation.class);

    /**
     * The normalisers built from one state of the reference data, each on first use: building the
     * matchers folds and indexes the vocabularies, which a night with nothing new to read never
     * needs (it compares the reference data's fingerprints only).
     */
    public static final class Normalisers {

        private final ReferenceData reference;
        private final SingletonSupplier<CountryResolver> countries;
        private final SingletonSupplier<ModusOperandiMatcher> modusOperandi;
        private final SingletonSupplier<RouteParser> routes;
        private final SingletonSupplier<RowNormaliser> rows;

        Normalisers(ReferenceData reference, ConsolidationProperties.Matching matching) {
            this.reference = reference;
            this.countries = SingletonSupplier.of(() -> new CountryResolver(reference));
            this.modusOperandi = SingletonSupplier.of(
                    () -> new ScoredModusOperandiMatcher(reference, matching.threshold(), matching.margin()));
            this.routes = SingletonSupplier.of(() -> new SeparatorRouteParser(reference, countries()));
            this.rows = SingletonSupplier.of(() -> new RowNormaliser(reference, modusOperandi(), routes()));
        }

        public ReferenceData reference() {
            return reference;
        }

        public CountryResolver countries() {
            return countries.obtain();
        }

        public ModusOperandiMatcher modusOperandi() {
            return modusOperandi.obtain();
        }

        public RouteParser routes() {
            return routes.obtain();
        }

        public RowNormaliser rows() {
            return rows.obtain();
        }
    }

    private final ConsolidationProperties properties;
    private String cachedKey;
    private Normalisers cached;

    public RunNormalisation(ConsolidationProperties properties) {
        this.properties = properties;
    }

    /** The normalisers for an input folder: defaults plus its reference workbooks, in path order. */
    public synchronized Normalisers forInput(Path input, Set<Path> excludedFolders) {
        try {
            List<Path> files = SubmissionDiscovery.discover(input, excludedFolders);
            StringBuilder key = new StringBuilder(input.toAbsolutePath().toString());
            for (Path file : files) {
                key.append('|').append(file).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
            if (key.toString().equals(cachedKey)) {
                return cached;
            }
            List<ReferenceWorkbook> workbooks = new ArrayList<>();
            for (Path file : files) {
                if (SubmissionDiscovery.ignoreReason(input, file) != null) {
                    continue;
                }
                String relative = input.relativize(file).toString().replace('\\', '/');
                // A look at the sheet names settles most files without opening them with POI.
                Optional<List<String>> sheets = SheetNames.peek(file);
                if (sheets.isPresent() && !ReferenceWorkbook.isReferenceWorkbook(sheets.get())) {
                    continue;
                }
                try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file)) {
                    if (ReferenceWorkbook.isReferenceWorkbook(workbook)) {
                        workbooks.add(ReferenceWorkbook.read(workbook, relative, ReferenceData.columns()));
                    }
                } catch (Exception e) {
                    // An unreadable file is the registrar's to report; it is no reference input.
                    log.debug("Not read as reference data: {} ({})", relative, e.getMessage());
                }
            }
            ReferenceData reference = ReferenceData.load(workbooks);
            log.info("Reference data: {}", reference.description());
            cached = build(reference);
            cachedKey = key.toString();
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException("The reference data of the input folder " + input + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The folders below the input folder that are never read (the output and the database). */
    public Set<Path> excludedFolders(Path output) {
        return Set.of(output.toAbsolutePath().normalize(), properties.database().toAbsolutePath().normalize());
    }

    private Normalisers build(ReferenceData reference) {
        return new Normalisers(reference, properties.matching());
    }
}
