package org.threatanalysis.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.threatanalysis.analysis.ChangeAnalysis;
import org.threatanalysis.analysis.ChangeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.threatanalysis.normalisation.RouteParser;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagingRepository;

/**
 * Writes the consolidated workbook from the staging tables with POI's streaming writer, into a
 * temporary file in the output folder that is moved over the previous workbook only once it is
 * complete: the previous good workbook survives any failure.
 *
 * <p>Content depends only on the staged data and the period, never on the clock, so the same
 * input gives the same cells; the run id and time go into the document properties only.
 */
public final class ConsolidatedWorkbookWriter {

    private static final Logger log = LoggerFactory.getLogger(ConsolidatedWorkbookWriter.class);
    static final String TEMP_PREFIX = ".writing-";

    static final String INDICATORS = "Indicators";
    static final String MODUS_OPERANDI = "Modus operandi";
    static final String ROUTES = "Routes";

    private final StagingRepository staging;
    private final int threads;

    /** {@code threads}: how many of the analysis and the large sheets are worked on at a time. */
    public ConsolidatedWorkbookWriter(StagingRepository staging, int threads) {
        this.staging = staging;
        this.threads = Math.max(1, threads);
    }

    /** The period the workbook covers, the run it comes from, and the run's reference data. */
    public record Request(long runId, Integer fromYear, Integer toYear, Path outputFolder, Path poiTempFolder,
            Normalisation normalisation, int sheetRowLimit) {

        public Request(long runId, Integer fromYear, Integer toYear, Path outputFolder, Path poiTempFolder,
                Normalisation normalisation) {
            this(runId, fromYear, toYear, outputFolder, poiTempFolder, normalisation, SheetWriter.EXCEL_ROWS);
        }
    }

    /**
     * The run's reference data (labels, fingerprint), its route parser (to list unknown places for
     * review) and the confidence below which scored matches are reviewed.
     */
    public record Normalisation(ReferenceData reference, Supplier<RouteParser> routeParser, double reviewBelow) {

        /** The route parser, built when first asked for: a workbook found current needs none. */
        public RouteParser routes() {
            return routeParser.get();
        }
    }

    public static String fileName(int from, int to) {
        return "threat-analysis_" + (from == to ? Integer.toString(from) : from + "-" + to) + ".xlsx";
    }

    /** The file {@link #write} would write for the request (the period comes from the staged years). */
    public Path target(Request request) {
        int[] period = period(request);
        return request.outputFolder().toAbsolutePath().normalize().resolve(fileName(period[0], period[1]));
    }

    public Path write(Request request) throws IOException {
        Path output = prepareOutputFolder(request.outputFolder());
        int[] period = period(request);
        Path target = output.resolve(fileName(period[0], period[1]));
        Path temp = output.resolve(TEMP_PREFIX + target.getFileName() + "." + request.runId() + ".tmp");
        preparePoiTemp(request.poiTempFolder());
        ReferenceData reference = request.normalisation().reference();
        // The overview (small, with charts and links) is an ordinary in-memory sheet of POI's model;
        // every other sheet streams its rows to a temporary file (StreamingWorkbook).
        XSSFWorkbook template = new XSSFWorkbook();
        WorkbookStyles styles = new WorkbookStyles(template);
        XSSFSheet overview = template.createSheet(OverviewSheet.NAME);
        StreamingWorkbook workbook = new StreamingWorkbook(template, request.poiTempFolder());
        // The four large sheets are independent: they run side by side (as many at a time as
        // there are threads), each streaming to its own file. The data sheets hand every row they
        // write to the change analysis too, which so reads nothing of its own. The sheets are
        // reserved first, so that they keep their place whatever finishes first.
        ExecutorService sheetThreads = Executors.newFixedThreadPool(threads, daemonThreads("write-sheets-"));
        try {
            ChangeSheets.NAMES.forEach(workbook::reserveSheet);
            List.of(INDICATORS, MODUS_OPERANDI, ROUTES, ReviewSheet.NAME).forEach(workbook::reserveSheet);
            ChangeAnalysis.Rows analysed = new ChangeAnalysis.Rows();
            Future<Long> indicatorRows = sheetThreads.submit(() -> writeIndicators(workbook, styles, reference,
                    request.sheetRowLimit(), request.runId(), period, analysed));
            Future<Long> modusOperandiRows = sheetThreads.submit(() -> writeModusOperandi(workbook, styles, reference,
                    request.sheetRowLimit(), request.runId(), period, analysed));
            Future<Long> routeRows = sheetThreads.submit(() -> writeRoutes(workbook, styles, request.sheetRowLimit(),
                    request.runId(), period, analysed));
            Future<Long> reviewEntries = sheetThreads.submit(() -> new ReviewSheet(staging, workbook, styles,
                    request.normalisation()).write(request.runId(), period));
            long indicators = result(indicatorRows);
            long modusOperandi = result(modusOperandiRows);
            long routes = result(routeRows);
            long review = result(reviewEntries);
            ChangeReport report = new ChangeAnalysis(staging).report(analysed, request.runId(), period[0], period[1]);
            // POI's model (the overview's charts) is only touched once every sheet thread is done.
            new ChangeSheets(workbook, styles, reference, report).write();
            new OverviewSheet(template, overview, styles, report, reference)
                    .write(facts(request.runId(), report, reference, request.sheetRowLimit()));
            long issues = new DataQualitySheet(staging, workbook, styles).write(request.runId());
            int submissions = new SubmissionsSheet(staging, workbook, styles).write(request.runId(), period);
            setProperties(template, request, period);
            DurableReplacement.write(temp, target, workbook::write);
            log.info("Wrote {}: {} files registered, {} indicator, {} modus operandi, {} route rows, {} review entries,"
                    + " {} data-quality findings", target, submissions, indicators, modusOperandi, routes, review, issues);
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            sheetThreads.shutdownNow();
            workbook.close();
            template.close();
        }
    }

    /** Daemon threads named {@code prefix1, prefix2, ...}: a failed write never keeps the JVM alive. */
    static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /** The result of work done on another thread, its failure thrown as it was thrown there. */
    static <T> T result(Future<T> work) throws IOException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Writing the workbook was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private RunFacts facts(long runId, ChangeReport report, ReferenceData reference, int rowLimit) {
        int accepted = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'ACCEPTED'", runId);
        int rejected = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'REJECTED'", runId);
        int ignored = (int) staging.count("SELECT COUNT(*) FROM ta_submission WHERE run_id = ? AND status = 'IGNORED'", runId);
        String standingYears = "SELECT COUNT(*) FROM ta_submission_year y WHERE y.run_id = s.run_id "
                + "AND y.submission_id = s.submission_id AND y.status = ";
        int whollySuperseded = (int) staging.count("SELECT COUNT(*) FROM ta_submission s WHERE s.run_id = ? "
                + "AND s.status = 'ACCEPTED' AND (" + standingYears + "'STANDING') = 0", runId);
        int partlySuperseded = (int) staging.count("SELECT COUNT(*) FROM ta_submission s WHERE s.run_id = ? "
                + "AND s.status = 'ACCEPTED' AND (" + standingYears + "'STANDING') > 0 AND ("
                + standingYears + "'SUPERSEDED') > 0", runId);
        long rows = 0;
        List<String> continued = new java.util.ArrayList<>();
        Map<RowTable, String> sheets = Map.of(RowTable.INDICATOR, "Indicators", RowTable.MODUS_OPERANDI,
                "Modus operandi", RowTable.ROUTE, "Routes");
        for (RowTable table : RowTable.values()) {
            long count = staging.standingRowCount(runId, report.fromYear(), report.toYear(), table.tableName())[0];
            rows += count;
            // A sheet holds rowLimit rows, the header included; the rest continues on "<name> (2)" ...
            long sheetsNeeded = Math.max(1, (count + rowLimit - 2) / (rowLimit - 1));
            if (sheetsNeeded > 1) {
                continued.add(sheets.get(table) + " continues on " + SheetWriter.continuationName(sheets.get(table), 2)
                        + (sheetsNeeded > 2 ? " to " + SheetWriter.continuationName(sheets.get(table), (int) sheetsNeeded) : "")
                        + " (" + count + " rows)");
            }
        }
        long findings = staging.count("SELECT COUNT(*) FROM " + StagingRepository.runRows("ta_data_quality"), runId)
                + rejected;
        return new RunFacts(accepted, rejected, ignored, partlySuperseded, whollySuperseded, rows, findings,
                report.unmatchedModusOperandi(), reference.fingerprint(),
                continued.isEmpty() ? null : String.join("; ", continued));
    }

    private static Path prepareOutputFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new IOException("The output folder " + absolute + " cannot be created: " + e.getMessage(), e);
        }
        // Root may write anywhere; honour an operator's read-only folder all the same.
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute);
            if (!permissions.contains(PosixFilePermission.OWNER_WRITE)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("The output folder " + absolute + " is read-only; make it writable and "
                        + "run 'restart' to write the workbook.");
            }
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the write below will tell
        }
        if (!Files.isWritable(absolute)) {
            throw new IOException("The output folder " + absolute + " is not writable; make it writable and "
                    + "run 'restart' to write the workbook.");
        }
        cleanStaleTemporaryFiles(absolute);
        return absolute;
    }

    /**
     * Removes what a crashed run left behind (partial workbooks in the output folder, POI's
     * temporary files): called when a run starts, and again before each write.
     */
    public static void cleanLeftovers(Path outputFolder, Path poiTempFolder) throws IOException {
        Path output = outputFolder.toAbsolutePath().normalize();
        if (Files.isDirectory(output)) {
            cleanStaleTemporaryFiles(output);
        }
        if (Files.exists(poiTempFolder)) {
            preparePoiTemp(poiTempFolder);
        }
    }

    /** Partial outputs of a run that crashed while writing are removed before a new one is written. */
    static void cleanStaleTemporaryFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            for (Path stale : files.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                log.info("Removing a partial workbook left by an earlier run: {}", stale);
                Files.deleteIfExists(stale);
            }
        }
    }

    private static void preparePoiTemp(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(folder)) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
        Files.createDirectories(folder);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }

    private int[] period(Request request) {
        Map<String, Object> range = staging.jdbc().queryForMap("""
                SELECT MIN(y.report_year) AS first_year, MAX(y.report_year) AS last_year
                FROM ta_submission_year y WHERE y.run_id = ? AND y.status = 'STANDING'""", request.runId());
        Number first = (Number) range.get("FIRST_YEAR");
        Number last = (Number) range.get("LAST_YEAR");
        int from = request.fromYear() != null ? request.fromYear() : first != null ? first.intValue() : 0;
        int to = request.toYear() != null ? request.toYear() : last != null ? last.intValue() : 0;
        if (from == 0 && to == 0) {
            // No accepted submission: name the workbook after nothing rather than inventing a period.
            return new int[] {0, 0};
        }
        if (from == 0) {
            from = to;
        }
        if (to == 0) {
            to = from;
        }
        return new int[] {from, to};
    }

    private long writeIndicators(StreamingWorkbook workbook, WorkbookStyles styles, ReferenceData reference, int rowLimit, long runId,
            int[] period, ChangeAnalysis.Rows analysed) {
        SheetWriter sheet = new SheetWriter(workbook, INDICATORS, styles, rowLimit, "Submitter", "Member state",
                "Year", "Crime area", "Crime area name", "Indicator", "Commodity", "Value", "Unit", "Figure",
                "Value as submitted", "Unit as submitted", "Crime area as submitted", "Indicator as submitted",
                "Commodity as submitted", "Notes", "Source");
        this.<StagedRows.Indicator>streamBySubmitterAndYear(RowTable.INDICATOR, (block, r) -> {
            analysed.indicator(block.submitter(), r);
            sheet.row().text(block.submitter()).text(block.memberState()).year(r.year()).text(r.crimeArea())
                    .text(reference.crimeAreas().label(r.crimeArea())).text(r.indicator()).text(r.commodity())
                    .decimal(r.normalisedValue()).text(r.normalisedUnit()).text(figureStatus(r.valueStatus()))
                    .text(r.valueRaw()).text(r.unitRaw()).text(r.crimeAreaRaw()).text(r.indicatorRaw())
                    .text(r.commodityRaw()).text(r.notes()).text(r.source());
        }, runId, period);
        sheet.finish();
        return sheet.dataRows();
    }

    /** Receives the rows of a data sheet in order, each with the block (submission) it comes from. */
    private interface SheetRows<T extends StagedRows.Staged> {
        void row(StagingRepository.Block block, T row);
    }

    /** A block being read in a merge: its next row. */
    private static final class BlockCursor<T extends StagedRows.Staged> {
        final StagingRepository.Block block;
        final java.util.Iterator<T> rows;
        T head;

        BlockCursor(StagingRepository.Block block) {
            this.block = block;
            this.rows = block.rowIterator();
            this.head = rows.hasNext() ? rows.next() : null;
        }

        boolean advance() {
            head = rows.hasNext() ? rows.next() : null;
            return head != null;
        }
    }

    /**
     * Streams the standing rows of a table in sheet order (submitter, year, the sheet's key
     * columns, file, row), one submitter and year at a time. The blocks keep their rows in that
     * order within a file and year, so the rows of a submitter and year come from merging its
     * blocks, each read as it is decompressed: nothing is sorted and no block is held decoded.
     */
    private <T extends StagedRows.Staged> void streamBySubmitterAndYear(RowTable table, SheetRows<T> handler,
            long runId, int[] period) {
        List<Object[]> groups = staging.jdbc().query("""
                SELECT DISTINCT s.submitter, y.report_year FROM ta_submission s
                JOIN ta_submission_year y ON y.run_id = s.run_id AND y.submission_id = s.submission_id
                    AND y.status = 'STANDING'
                WHERE s.run_id = ? AND y.report_year BETWEEN ? AND ? ORDER BY 1, 2""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}, runId, period[0], period[1]);
        Comparator<StagedRows.Staged> keys = table.keyOrder();
        Comparator<BlockCursor<T>> order = (a, b) -> {
            int c = keys.compare(a.head, b.head);
            if (c == 0) {
                c = a.block.relativePath().compareTo(b.block.relativePath());
            }
            return c != 0 ? c : Integer.compare(table.sheetRow(a.head), table.sheetRow(b.head));
        };
        for (Object[] group : groups) {
            java.util.PriorityQueue<BlockCursor<T>> merge = new java.util.PriorityQueue<>(order);
            staging.standingBlocks(table, runId, period[0], period[1],
                    " AND s.submitter IS NOT DISTINCT FROM CAST(? AS VARCHAR(10)) AND y.report_year = ?",
                    "s.relative_path, t.first_row", block -> {
                        BlockCursor<T> cursor = new BlockCursor<>(block);
                        if (cursor.head != null) {
                            merge.add(cursor);
                        }
                    }, group[0], group[1]);
            while (!merge.isEmpty()) {
                BlockCursor<T> cursor = merge.poll();
                handler.row(cursor.block, cursor.head);
                if (cursor.advance()) {
                    merge.add(cursor);
                }
            }
        }
    }

    private static String figureStatus(String status) {
        return switch (status) {
            case "NUMBER" -> "reported";
            case "SUPPRESSED" -> "suppressed";
            case "MISSING" -> "missing";
            default -> status.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private long writeModusOperandi(StreamingWorkbook workbook, WorkbookStyles styles, ReferenceData reference, int rowLimit, long runId,
            int[] period, ChangeAnalysis.Rows analysed) {
        SheetWriter sheet = new SheetWriter(workbook, MODUS_OPERANDI, styles, rowLimit, "Submitter",
                "Member state", "Year", "Crime area", "MO code", "MO label", "Matched by", "Confidence",
                "Modus operandi as submitted", "MO code as submitted", "Suggestions", "Trend", "Notes", "Source");
        this.<StagedRows.ModusOperandi>streamBySubmitterAndYear(RowTable.MODUS_OPERANDI, (block, r) -> {
            analysed.modusOperandi(block.submitter(), r);
            String code = r.code();
            sheet.row().text(block.submitter()).text(block.memberState()).year(r.year()).text(r.crimeArea())
                    .text(code).text(code == null ? null : reference.modusOperandi().label(code))
                    .text(method(r.method())).ratio(r.confidence()).text(r.text()).text(r.codeRaw())
                    .text(r.suggestions()).text(r.trend()).text(r.notes()).text(r.source());
        }, runId, period);
        sheet.finish();
        return sheet.dataRows();
    }

    static String method(String method) {
        return switch (method) {
            case "CODE" -> "MO code";
            case "DECISION" -> "analyst decision";
            case "EXACT" -> "exact phrasing";
            case "SCORED" -> "scored match";
            default -> "unmatched";
        };
    }

    private long writeRoutes(StreamingWorkbook workbook, WorkbookStyles styles, int rowLimit, long runId, int[] period,
            ChangeAnalysis.Rows analysed) {
        SheetWriter sheet = new SheetWriter(workbook, ROUTES, styles, rowLimit, "Submitter", "Member state",
                "Year", "Crime area", "Commodity", "Countries", "Places", "Transport", "Trend",
                "Route as submitted", "Problem", "Commodity as submitted", "Transport as submitted", "Notes",
                "Source");
        this.<StagedRows.Route>streamBySubmitterAndYear(RowTable.ROUTE, (block, r) -> {
            analysed.route(block.submitter(), r);
            sheet.row().text(block.submitter()).text(block.memberState()).year(r.year()).text(r.crimeArea())
                    .text(r.commodity()).text(r.countries()).text(r.places()).text(r.transport()).text(r.trend())
                    .text(r.text()).text(r.problem()).text(r.commodityRaw()).text(r.transportRaw())
                    .text(r.notes()).text(r.source());
        }, runId, period);
        sheet.finish();
        analysed.routesComplete();
        return sheet.dataRows();
    }

    private void setProperties(XSSFWorkbook workbook, Request request, int[] period) {
        POIXMLProperties properties = workbook.getProperties();
        String periodText = period[0] == period[1] ? Integer.toString(period[0]) : period[0] + "-" + period[1];
        properties.getCoreProperties().setTitle("Threat analysis consolidation " + periodText);
        properties.getCoreProperties().setSubjectProperty("Consolidated member-state submissions, " + periodText);
        properties.getCoreProperties().setCreator("threat-analysis-consolidation");
        properties.getCoreProperties().setKeywords("run " + request.runId());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("Run id", Long.toString(request.runId()));
        custom.addProperty("Period", periodText);
        custom.addProperty("Reference data", request.normalisation().reference().fingerprint());
        custom.addProperty("Reference data source", request.normalisation().reference().description());
    }
}
