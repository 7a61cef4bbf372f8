package org.threatanalysis.reading;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Which cell styles of an {@code .xlsx} format their number as a date: all a reader needs of the
 * styles part. Read with {@link SafeXml} in one pass over {@code numFmts} (the workbook's own
 * formats) and {@code cellXfs} (the styles a cell's {@code s} attribute counts in), where POI's
 * {@code StylesTable} built the whole part, fonts, fills and theme included, as XMLBeans objects.
 * The date test is POI's ({@link DateUtil#isADateFormat(int, String)}, built-in formats by
 * {@link BuiltinFormats}), made once per style used.
 */
final class DateStyles {

    /** Excel allows 64,000 cell styles; a part that lists more keeps the first this many, the rest read as numbers. */
    static final int MAX_STYLES = 65_536;
    /** Excel allows a few hundred formats of a workbook's own; more are left out (their cells read as numbers). */
    private static final int MAX_FORMATS = 65_536;

    private static final DateStyles NONE = new DateStyles(new int[0], 0, Map.of());

    /** Each cell style's number format id, by the style's index. */
    private final int[] formatIds;
    private final int styleCount;
    private final Map<Integer, String> customFormats;
    /** Whether each style formats dates: 1 yes, -1 no, 0 not yet decided. */
    private final byte[] decided;

    private DateStyles(int[] formatIds, int styleCount, Map<Integer, String> customFormats) {
        this.formatIds = formatIds;
        this.styleCount = styleCount;
        this.customFormats = customFormats;
        this.decided = new byte[styleCount];
    }

    /** A workbook without a styles part: every number is a number. */
    static DateStyles none() {
        return NONE;
    }

    static DateStyles read(InputStream stylesPart) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.reader(stylesPart);
        try {
            int[] formatIds = new int[64];
            int styleCount = 0;
            Map<Integer, String> customFormats = new HashMap<>();
            // depth of the element being read; where the two lists open (-1: not inside)
            int depth = 0;
            int cellXfs = -1;
            int numFmts = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == cellXfs) {
                        cellXfs = -1;
                    } else if (depth == numFmts) {
                        numFmts = -1;
                    }
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String element = xml.getLocalName();
                if (depth == 2 && "cellXfs".equals(element)) {
                    cellXfs = depth;
                } else if (depth == 2 && "numFmts".equals(element)) {
                    numFmts = depth;
                } else if (cellXfs > 0 && depth == cellXfs + 1 && "xf".equals(element)) {
                    // a cell style (cellStyleXfs has xf elements too, which a cell does not count in)
                    if (styleCount < MAX_STYLES) {
                        if (styleCount == formatIds.length) {
                            formatIds = Arrays.copyOf(formatIds, Math.min(MAX_STYLES, formatIds.length * 2));
                        }
                        formatIds[styleCount++] = formatId(xml.getAttributeValue(null, "numFmtId"));
                    }
                } else if (numFmts > 0 && depth == numFmts + 1 && "numFmt".equals(element)
                        && customFormats.size() < MAX_FORMATS) {
                    // only the workbook's list: conditional formats (dxfs) have numFmt elements of their own
                    String code = xml.getAttributeValue(null, "formatCode");
                    if (code != null) {
                        customFormats.put(formatId(xml.getAttributeValue(null, "numFmtId")), code);
                    }
                }
            }
            return new DateStyles(formatIds, styleCount, customFormats);
        } finally {
            xml.close();
        }
    }

    /**
     * A format id as POI reads it: a 16-bit number ({@code (short)} in {@code StylesTable}); an id
     * that is absent or not a number is 0, "General".
     */
    private static int formatId(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return (int) Long.parseLong(value.trim()) & 0xFFFF;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean isDate(int styleIndex) {
        if (styleIndex < 0 || styleIndex >= styleCount) {
            return false;
        }
        byte known = decided[styleIndex];
        if (known == 0) {
            int id = formatIds[styleIndex];
            String format = customFormats.get(id);
            if (format == null) {
                format = BuiltinFormats.getBuiltinFormat(id);
            }
            known = DateUtil.isADateFormat(id, format) ? (byte) 1 : (byte) -1;
            decided[styleIndex] = known;
        }
        return known > 0;
    }
}
