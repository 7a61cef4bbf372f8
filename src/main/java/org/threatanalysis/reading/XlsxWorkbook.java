package org.threatanalysis.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Streaming reader for {@code .xlsx}/{@code .xlsm}: {@link OoxmlPackage} finds the parts in the zip,
 * the sheet XML is pulled one row at a time by {@link SheetXmlScanner} (from the part's bytes held
 * in memory when it is small, see {@link #MAX_HELD_SHEET_BYTES}), and {@link DateStyles} says which
 * numbers are dates. Macros are never run; formulas count by their cached value. The 1904 date
 * system is read from the workbook part.
 *
 * <p>The other XML parts are read with {@link SafeXml} (no DOCTYPE), the sheets' by the scanner,
 * which refuses a DOCTYPE too; the shared strings are read under
 * the {@link ReadingBudget} by {@link BudgetedSharedStrings}; a row with more cells than Excel
 * allows or a cell longer than the budget raises {@link OverBudgetException} while streaming.
 */
final class XlsxWorkbook implements SubmissionWorkbook {

    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final Path file;
    private final OoxmlPackage pkg;
    private final String workbookPart;
    /** The parts the workbook part's relationships lead to, by relationship id. */
    private final Map<String, String> relatedParts = new HashMap<>();
    private static final int EXCEL_COLUMNS = 16_384;
    private static final int MAX_MERGED_REGIONS = 100_000;

    private final ReadingBudget budget;
    private final BudgetedSharedStrings sharedStrings;
    private final DateStyles dateStyles;
    private final Map<String, String> sheetRelationIds = new LinkedHashMap<>();
    private boolean date1904;

    /** Reads the workbook part, the shared strings and the styles of a package whose main part is {@code workbookPart}. */
    XlsxWorkbook(Path file, OoxmlPackage pkg, String workbookPart, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws IOException, XMLStreamException {
        this.file = file;
        this.pkg = pkg;
        this.workbookPart = workbookPart;
        this.budget = budget;
        readWorkbookPart();
        if (sheetRelationIds.size() > budget.maxSheets()) {
            throw new OverBudgetException("The workbook has " + sheetRelationIds.size() + " sheets; at most "
                    + budget.maxSheets() + " are accepted. Please send only the submission sheets.");
        }
        for (OoxmlPackage.Relationship relationship : pkg.relationships(workbookPart)) {
            relatedParts.putIfAbsent(relationship.id(), relationship.target());
        }
        // the first part of each content type, as POI's XSSFReader finds them
        String sharedStringsPart = pkg.firstPartOfType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (sharedStringsPart == null) {
            this.sharedStrings = BudgetedSharedStrings.empty();
        } else {
            try (InputStream in = pkg.open(sharedStringsPart)) {
                this.sharedStrings = BudgetedSharedStrings.read(in, budget, deadline);
            }
        }
        deadline.check();
        String stylesPart = pkg.firstPartOfType(XSSFRelation.STYLES.getContentType());
        if (stylesPart == null) {
            this.dateStyles = DateStyles.none();
        } else {
            try (InputStream in = pkg.open(stylesPart)) {
                this.dateStyles = DateStyles.read(in);
            }
        }
    }

    private void readWorkbookPart() throws IOException, XMLStreamException {
        try (InputStream in = pkg.open(workbookPart)) {
            XMLStreamReader xml = SafeXml.reader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String element = xml.getLocalName();
                    if ("workbookPr".equals(element)) {
                        String value = xml.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                    } else if ("sheet".equals(element)) {
                        String name = xml.getAttributeValue(null, "name");
                        String relationId = xml.getAttributeValue(RELATIONSHIPS_NS, "id");
                        if (name != null && relationId != null) {
                            sheetRelationIds.put(name, relationId);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> sheetNames() {
        return List.copyOf(sheetRelationIds.keySet());
    }

    boolean isDate1904() {
        return date1904;
    }

    /**
     * A sheet part of at most this much XML (about 25,000 rows of a dozen columns) is inflated
     * once and held while it is read: the merged-cell search and the rows read the same bytes
     * instead of inflating the part twice. A larger part is streamed, and inflated twice.
     */
    static final int MAX_HELD_SHEET_BYTES = 8 << 20;

    @Override
    public SheetReader openSheet(String sheetName) throws IOException {
        String part = sheetPart(sheetName);
        try {
            byte[] held = heldSheet(part);
            if (held != null) {
                List<CellRange> mergedRanges = mayHaveMergedCells(held, held.length) ? mergedRegions(held) : List.of();
                return withMergedCells(new RowPuller(sheetName, held), mergedRanges);
            }
            List<CellRange> mergedRanges = readMergedRegions(part);
            return withMergedCells(new RowPuller(sheetName, pkg.open(part)), mergedRanges);
        } catch (XMLStreamException e) {
            throw cannotRead(sheetName, e);
        }
    }

    private static SheetReader withMergedCells(SheetReader rows, List<CellRange> mergedRanges) {
        return mergedRanges.isEmpty() ? rows : new MergedCellFiller(rows, mergedRanges);
    }

    /** The sheet part's bytes when its zip entry says it is small enough to hold, else null. */
    private byte[] heldSheet(String part) throws IOException {
        long size = pkg.size(part);
        if (size < 0 || size > MAX_HELD_SHEET_BYTES) {
            return null;
        }
        try (InputStream in = pkg.open(part)) {
            byte[] xml = new byte[(int) size];
            int read = in.readNBytes(xml, 0, xml.length);
            if (in.read() >= 0) {
                return null; // longer than its entry says: streamed instead, under the zip's own checks
            }
            return read == xml.length ? xml : Arrays.copyOf(xml, read);
        }
    }

    /** The part a listed sheet's relationship leads to; a sheet without one, or whose part is missing, is damage. */
    private String sheetPart(String sheetName) throws IOException {
        String relationId = relationId(sheetName);
        String part = relatedParts.get(relationId);
        if (part == null) {
            throw cannotRead(sheetName, new IOException("the workbook names its part " + relationId
                    + ", which the workbook's relationships do not list"));
        }
        if (!pkg.exists(part)) {
            throw cannotRead(sheetName, new IOException("its part " + part + " is missing"));
        }
        return part;
    }

    private String relationId(String sheetName) throws IOException {
        String relationId = sheetRelationIds.get(sheetName);
        if (relationId == null) {
            throw new IOException("No sheet named '" + sheetName + "' in " + file.getFileName());
        }
        return relationId;
    }

    private IOException cannotRead(String sheetName, Exception e) {
        return new IOException("Sheet '" + sheetName + "' of " + file.getFileName() + " cannot be read: "
                + e.getMessage(), e);
    }

    /**
     * Merged ranges are listed after the rows in the sheet XML, so a first pass collects them
     * before the rows are streamed. Most sheets have none: a byte search for the element's name
     * settles that at the cost of inflating the part, and only a sheet that mentions it is parsed.
     */
    private List<CellRange> readMergedRegions(String part) throws IOException, XMLStreamException {
        try (InputStream in = pkg.open(part)) {
            if (!mayHaveMergedCells(in)) {
                return List.of();
            }
        }
        try (InputStream in = pkg.open(part)) {
            return mergedRegionsFrom(in);
        }
    }

    private static final byte[] MERGE_CELLS_START = "<mergeCells".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MERGE_CELLS_END = "</mergeCells>".getBytes(StandardCharsets.US_ASCII);

    /**
     * The merged ranges of a sheet held in memory. Its {@code <mergeCells>} element, found after the
     * rows, is parsed on its own: parsing the whole part for it took as long as reading the rows
     * (merged Year cells are common). When the element cannot be found that way (a prefixed name,
     * another encoding) or does not parse alone, the whole part is parsed and decides. The rows
     * are checked for well-formedness when they are read, whatever this finds.
     */
    static List<CellRange> mergedRegions(byte[] held) throws XMLStreamException {
        int rowsEnd = Math.max(lastIndexOf(held, held.length, SHEET_DATA), 0);
        int start = indexOf(held, rowsEnd, held.length, MERGE_CELLS_START);
        int end = start < 0 ? -1 : indexOf(held, start, held.length, MERGE_CELLS_END);
        if (end > start) {
            try {
                return mergedRegionsFrom(new ByteArrayInputStream(held, start, end + MERGE_CELLS_END.length - start));
            } catch (XMLStreamException e) {
                // the whole part decides, below
            }
        }
        return mergedRegionsFrom(new ByteArrayInputStream(held));
    }

    private static List<CellRange> mergedRegionsFrom(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.reader(in);
        try {
            return mergedRegionsFrom(xml);
        } finally {
            xml.close();
        }
    }

    private static int indexOf(byte[] data, int from, int length, byte[] wanted) {
        for (int i = from; i + wanted.length <= length; i++) {
            if (data[i] == wanted[0] && Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether the sheet XML may list merged cells: {@code false} only when it is ASCII-compatible
     * (UTF-8, as Excel writes it; not UTF-16) and the bytes {@code mergeCell} occur nowhere in it.
     */
    static boolean mayHaveMergedCells(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int keep = MERGE_CELL.length - 1;
        int filled = 0;
        boolean first = true;
        int read;
        while ((read = in.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += read;
            if (first && filled >= 2) {
                first = false;
                if (isWide(buffer)) {
                    return true;
                }
            }
            if (indexOfMergeCell(buffer, filled) >= 0) {
                return true;
            }
            if (filled > keep) {
                // the name may straddle two reads: keep the tail that could start it
                System.arraycopy(buffer, filled - keep, buffer, 0, keep);
                filled = keep;
            }
        }
        return indexOfMergeCell(buffer, filled) >= 0;
    }

    /**
     * The same for a sheet part held in memory, searching only after its rows: the schema puts
     * the merged ranges after {@code sheetData}, and Excel refuses a sheet that does otherwise.
     * The rows' end is found from the part's end, which is near.
     */
    static boolean mayHaveMergedCells(byte[] xml, int length) {
        if (length >= 2 && isWide(xml)) {
            return true;
        }
        int rowsEnd = lastIndexOf(xml, length, SHEET_DATA);
        return indexOfMergeCell(xml, Math.max(rowsEnd, 0), length) >= 0;
    }

    private static final byte[] SHEET_DATA = "sheetData".getBytes(StandardCharsets.US_ASCII);

    private static int lastIndexOf(byte[] data, int length, byte[] wanted) {
        for (int i = length - wanted.length; i >= 0; i--) {
            if (data[i] == wanted[0] && Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    /** UTF-16 or UTF-32 by the first two bytes: the byte search cannot tell, the XML parser decides. */
    private static boolean isWide(byte[] start) {
        int b0 = start[0] & 0xFF;
        int b1 = start[1] & 0xFF;
        return b0 == 0 || b1 == 0 || b0 == 0xFE || b0 == 0xFF;
    }

    /** How far the search may move on when the byte under the window's last position is b (Horspool). */
    private static final int[] MERGE_CELL_SHIFTS = shifts(MERGE_CELL);

    private static int[] shifts(byte[] wanted) {
        int[] shifts = new int[256];
        java.util.Arrays.fill(shifts, wanted.length);
        for (int i = 0; i < wanted.length - 1; i++) {
            shifts[wanted[i] & 0xFF] = wanted.length - 1 - i;
        }
        return shifts;
    }

    /**
     * Where {@code mergeCell} first occurs in the data, or -1. Horspool's search moves on by up to
     * the name's length at each step: the sheet XML is searched byte by byte otherwise, about as
     * long as it takes to inflate it.
     */
    static int indexOfMergeCell(byte[] data, int length) {
        return indexOfMergeCell(data, 0, length);
    }

    private static int indexOfMergeCell(byte[] data, int from, int length) {
        byte[] wanted = MERGE_CELL;
        int last = wanted.length - 1;
        for (int i = from; i + last < length; i += MERGE_CELL_SHIFTS[data[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && data[i + j] == wanted[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the {@code <mergeCell>} ranges from where the reader stands to the end of the sheet. */
    private static List<CellRange> mergedRegionsFrom(XMLStreamReader xml) throws XMLStreamException {
        List<CellRange> regions = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "ref");
                if (ref != null && ref.contains(":")) {
                    if (regions.size() >= MAX_MERGED_REGIONS) {
                        throw new OverBudgetException("A sheet has more than " + MAX_MERGED_REGIONS
                                + " merged cell ranges; the file is damaged or malicious. "
                                + "Please check it and send it again.");
                    }
                    regions.add(CellRange.parse(ref));
                }
            }
        }
        return regions;
    }

    @Override
    public void close() throws IOException {
        pkg.close();
    }

    /** Pulls {@code <row>} elements one at a time from the sheet XML, with {@link SheetXmlScanner}. */
    private final class RowPuller implements SheetReader {

        private static final byte[] R = {'r'};
        private static final byte[] S = {'s'};

        private final String sheetName;
        private final InputStream part;
        private final SheetXmlScanner xml;
        private SheetRow next;
        private int lastRowNumber;
        private boolean finished;

        RowPuller(String sheetName, InputStream part) throws IOException, XMLStreamException {
            this.sheetName = sheetName;
            this.part = part;
            this.xml = new SheetXmlScanner(Utf8Parts.utf8(part));
        }

        RowPuller(String sheetName, byte[] heldPart) throws IOException, XMLStreamException {
            this.sheetName = sheetName;
            this.part = InputStream.nullInputStream();
            this.xml = Utf8Parts.isUtf8(heldPart) ? new SheetXmlScanner(heldPart)
                    : new SheetXmlScanner(Utf8Parts.utf8(new ByteArrayInputStream(heldPart)));
        }

        @Override
        public boolean hasNext() {
            if (next == null && !finished) {
                try {
                    next = pull();
                } catch (XMLStreamException | IOException e) {
                    throw new IllegalStateException("Sheet '" + sheetName + "' of " + file.getFileName()
                            + " is damaged after row " + lastRowNumber + ": " + e.getMessage(), e);
                }
                finished = next == null;
            }
            return next != null;
        }

        @Override
        public SheetRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SheetRow row = next;
            next = null;
            return row;
        }

        private SheetRow pull() throws XMLStreamException, IOException {
            List<CellValue> cells = null;
            int rowNumber = 0;
            long rowChars = 0;
            int column = -1;
            int type = CellType.NUMBER;
            int style = 0;
            String value = null;
            boolean inInlineString = false;
            int inlinePieces = 0;
            String firstPiece = null;
            StringBuilder inline = null;
            int phonetic = 0;
            while (true) {
                int event = xml.next();
                if (event == SheetXmlScanner.START) {
                    switch (xml.name()) {
                        case SheetXmlScanner.ROW -> {
                            rowNumber = xml.intAttribute(R, lastRowNumber + 1);
                            cells = new ArrayList<>();
                            column = -1;
                            rowChars = 0;
                        }
                        case SheetXmlScanner.CELL -> {
                            column = cellColumn(column, rowNumber);
                            type = CellType.of(xml);
                            style = xml.intAttribute(S, 0);
                            value = null;
                            inInlineString = false;
                            inlinePieces = 0;
                            firstPiece = null;
                            inline = null;
                            phonetic = 0;
                        }
                        case SheetXmlScanner.VALUE -> {
                            value = xml.text(budget.maxCellChars());
                            if (value == null) {
                                throw tooLong(rowNumber);
                            }
                        }
                        case SheetXmlScanner.INLINE_STRING -> {
                            inline = null;
                            inlinePieces = 0;
                            inInlineString = true;
                        }
                        case SheetXmlScanner.PHONETIC_RUN -> phonetic++;
                        case SheetXmlScanner.TEXT -> {
                            if (inInlineString && phonetic == 0) {
                                int held = inlinePieces == 0 ? 0 : inlinePieces == 1 ? firstPiece.length() : inline.length();
                                String piece = xml.text(budget.maxCellChars() - held);
                                if (piece == null) {
                                    throw tooLong(rowNumber);
                                }
                                // most inline strings are one piece: kept as it is; rich text runs are joined
                                if (inlinePieces == 0) {
                                    firstPiece = piece;
                                } else {
                                    if (inlinePieces == 1) {
                                        inline = new StringBuilder(firstPiece);
                                    }
                                    inline.append(piece);
                                }
                                inlinePieces++;
                            }
                        }
                        default -> { }
                    }
                } else if (event == SheetXmlScanner.END) {
                    switch (xml.name()) {
                        case SheetXmlScanner.PHONETIC_RUN -> phonetic--;
                        case SheetXmlScanner.CELL -> {
                            String inlineText = !inInlineString ? null : inlinePieces == 0 ? ""
                                    : inlinePieces == 1 ? firstPiece : inline.toString();
                            CellValue cell = toCell(column, type, style, value, inlineText);
                            if (cell != null && cells != null) {
                                if (cells.size() >= EXCEL_COLUMNS) {
                                    throw new IllegalStateException("row " + rowNumber
                                            + " has more cells than Excel allows");
                                }
                                rowChars += cell.text().length();
                                if (rowChars > budget.maxRowChars()) {
                                    throw rowTooLong(rowNumber);
                                }
                                cells.add(cell);
                            }
                        }
                        case SheetXmlScanner.ROW -> {
                            lastRowNumber = rowNumber;
                            return new SheetRow(rowNumber, cells == null ? List.of() : cells);
                        }
                        case SheetXmlScanner.SHEET_DATA -> {
                            // The rest of the part is read too, so that a sheet damaged after its
                            // rows fails here like any damaged sheet (its merged ranges, if any,
                            // were read by the first pass).
                            while (xml.next() != SheetXmlScanner.END_OF_PART) {
                                // skipped
                            }
                            return null;
                        }
                        default -> { }
                    }
                } else {
                    return null;
                }
            }
        }

        /** The column of the {@code <c>} just started (after the previous one when it does not say). */
        private int cellColumn(int previous, int rowNumber) throws XMLStreamException {
            int column = xml.columnAttribute(R);
            String ref = null;
            if (column == -1) {
                column = previous + 1;
            } else if (column == -2) {
                // not letters then digits: left to POI
                ref = xml.attribute(R);
                column = new CellReference(ref).getCol();
            }
            if (column < 0 || column >= EXCEL_COLUMNS) {
                throw new IllegalStateException("cell " + (ref != null ? ref : CellReference.convertNumToColString(
                        Math.max(column, 0)) + rowNumber) + " of row " + rowNumber + " is beyond Excel's last column");
            }
            return column;
        }

        private OverBudgetException rowTooLong(int rowNumber) {
            return new OverBudgetException("Row " + rowNumber + " of sheet '" + sheetName + "' holds more than "
                    + budget.maxRowChars() + " characters in its cells together, far more than a submission row "
                    + "holds; please check for whole documents pasted into cells and send the file again.");
        }

        private OverBudgetException tooLong(int rowNumber) {
            return new OverBudgetException("A cell in row " + rowNumber + " of sheet '" + sheetName
                    + "' holds more than " + budget.maxCellChars()
                    + " characters (Excel's own limit is " + ReadingBudget.EXCEL_CELL_LIMIT
                    + "); the file is damaged or was not saved by Excel. Please check it and send it again.");
        }

        private CellValue toCell(int column, int type, int style, String value, String inline) {
            if (type == CellType.INLINE_STRING) {
                return inline == null ? null : CellValue.text(column, SafeXml.decodeEscapes(inline));
            }
            if (value == null) {
                return null;
            }
            return switch (type) {
                case CellType.NUMBER -> {
                    double number = Double.parseDouble(value);
                    yield CellValue.number(column, number,
                            dateStyles.isDate(style) && DateUtil.isValidExcelDate(number)
                                    ? DateUtil.getLocalDateTime(number, date1904) : null);
                }
                case CellType.SHARED_STRING -> CellValue.text(column, sharedStrings.get(Integer.parseInt(value.trim())));
                case CellType.BOOLEAN -> CellValue.bool(column, "1".equals(value) || "true".equalsIgnoreCase(value));
                case CellType.ERROR -> CellValue.error(column, value);
                default -> CellValue.text(column, value); // str (a formula's text), d (an ISO date), others
            };
        }

        @Override
        public void close() throws IOException {
            part.close();
        }
    }

    /**
     * A cell's {@code t} attribute, told apart without making a string: its index in
     * {@link #VALUES}. The types read alike ({@code str}, {@code d} and any other) share
     * the default of {@code RowPuller.toCell}.
     */
    private static final class CellType {
        static final int NUMBER = 0;
        static final int SHARED_STRING = 1;
        static final int INLINE_STRING = 2;
        static final int BOOLEAN = 4;
        static final int ERROR = 5;

        private static final byte[] T = {'t'};
        private static final byte[][] VALUES = {
                {'n'}, {'s'}, "inlineStr".getBytes(StandardCharsets.US_ASCII), "str".getBytes(StandardCharsets.US_ASCII),
                {'b'}, {'e'}, {'d'}};

        static int of(SheetXmlScanner xml) throws XMLStreamException {
            int choice = xml.attributeChoice(T, VALUES);
            return choice < 0 ? NUMBER : choice;
        }
    }
}
