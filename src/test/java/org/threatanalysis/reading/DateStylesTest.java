package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The reader's own view of the styles part says "date" for exactly the cell styles POI's
 * {@code StylesTable} does, which the job used before.
 */
class DateStylesTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

    @Test
    void shouldTellDateStylesAsPoiDoesInAStylesPartExcelWrites() throws Exception {
        String styles = HEAD
                + "<numFmts count=\"4\">"
                + "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
                + "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ &quot;kg&quot;\"/>"
                + "<numFmt numFmtId=\"166\" formatCode=\"[$-409]mmmm\\ d\\,\\ yyyy;@\"/>"
                + "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm:ss\"/>"
                + "</numFmts>"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                // styles cells do not count in: a date format here must not shift or mark a cell style
                + "<cellStyleXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"12\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"164\" xfId=\"0\" applyNumberFormat=\"1\"><alignment horizontal=\"left\"/></xf>"
                + "<xf numFmtId=\"165\" xfId=\"0\"/>"
                + "<xf numFmtId=\"166\" xfId=\"0\"/>"
                + "<xf numFmtId=\"167\" xfId=\"0\"/>"
                + "<xf numFmtId=\"49\" xfId=\"0\"/>"
                + "<xf numFmtId=\"22\" xfId=\"0\"/>"
                + "<xf numFmtId=\"3\" xfId=\"1\"/>"
                + "<xf xfId=\"0\"/>"
                + "<xf numFmtId=\"47\" xfId=\"0\"/>"
                + "<xf numFmtId=\"170\" xfId=\"0\"/>"
                + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                // a conditional format's own number format, with an id of the workbook's list
                + "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs>"
                + "</styleSheet>";

        DateStyles ours = read(styles);

        assertThat(datesOf(ours, 14)).containsExactly(false, true, true, false, true, true, false, true, false, false,
                true, false, false, false);
        assertSameAsPoi(styles, ours, 14);
    }

    @Test
    void shouldReadTheStylesOfAWorkbookPoiWrote() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var helper = workbook.getCreationHelper();
            for (String format : new String[] {"yyyy", "0.0", "d-mmm-yy", "@", "General", "m/d/yy h:mm", "0%"}) {
                workbook.createCellStyle().setDataFormat(helper.createDataFormat().getFormat(format));
            }
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            workbook.getStylesSource().writeTo(part);
            String styles = part.toString(StandardCharsets.UTF_8);

            DateStyles ours = read(styles);

            assertThat(datesOf(ours, 8)).containsExactly(false, true, false, true, false, false, true, false);
            assertSameAsPoi(styles, ours, 10);
        }
    }

    @Test
    void shouldReadEveryNumberAsANumberWithoutStyles() throws Exception {
        assertThat(DateStyles.none().isDate(0)).isFalse();
        assertThat(read(HEAD + "</styleSheet>").isDate(0)).isFalse();
        assertThat(read(HEAD + "<cellXfs count=\"1\"><xf numFmtId=\"x\"/></cellXfs></styleSheet>").isDate(0)).isFalse();
    }

    @Test
    void shouldRefuseADoctypeAndMalformedXml() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE styleSheet [<!ENTITY x \"y\">]>"
                + "<styleSheet><cellXfs><xf numFmtId=\"14\"/></cellXfs></styleSheet>"))
                .isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> read(HEAD + "<cellXfs><xf numFmtId=\"14\"></cellXfs></styleSheet>"))
                .isInstanceOf(XMLStreamException.class);
    }

    @Test
    void shouldKeepAtMostExcelsNumberOfStylesAndReadTheRestAsNumbers() throws Exception {
        StringBuilder styles = new StringBuilder(HEAD).append("<cellXfs>");
        for (int i = 0; i < DateStyles.MAX_STYLES + 10; i++) {
            styles.append("<xf numFmtId=\"14\"/>");
        }
        DateStyles ours = read(styles.append("</cellXfs></styleSheet>").toString());

        assertThat(ours.isDate(DateStyles.MAX_STYLES - 1)).isTrue();
        assertThat(ours.isDate(DateStyles.MAX_STYLES)).isFalse();
    }

    private static DateStyles read(String styles) throws XMLStreamException {
        return DateStyles.read(new ByteArrayInputStream(styles.getBytes(StandardCharsets.UTF_8)));
    }

    private static Boolean[] datesOf(DateStyles styles, int count) {
        Boolean[] dates = new Boolean[count];
        for (int i = 0; i < count; i++) {
            dates[i] = styles.isDate(i);
        }
        return dates;
    }

    /** POI's answer for each style index, as the reader asked it before (and beyond the last style). */
    private static void assertSameAsPoi(String styles, DateStyles ours, int upTo) throws IOException {
        StylesTable poi;
        try (InputStream in = new ByteArrayInputStream(styles.getBytes(StandardCharsets.UTF_8))) {
            poi = new StylesTable(in);
        }
        for (int i = 0; i < upTo; i++) {
            boolean expected = false;
            if (i < poi.getNumCellStyles()) {
                XSSFCellStyle style = poi.getStyleAt(i);
                expected = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            }
            assertThat(ours.isDate(i)).as("style %d", i).isEqualTo(expected);
        }
    }
}
