package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The byte search that spares the second pass over a sheet without merged cells: it may say
 * "maybe" too often (then the sheet is parsed for its ranges), never "no" when there are some.
 */
class MergedCellSearchTest {

    private static final String START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData>";

    @Test
    void shouldSayNoOnlyWhenTheNameIsNowhere() throws IOException {
        assertThat(XlsxWorkbook.mayHaveMergedCells(utf8(START + rows(5_000) + "</sheetData></worksheet>"))).isFalse();
        assertThat(XlsxWorkbook.mayHaveMergedCells(utf8(START + rows(5_000)
                + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>"))).isTrue();
    }

    @Test
    void shouldFindTheNameAcrossTheBoundaryOfTwoReads() throws IOException {
        for (int offset = (1 << 16) - 12; offset <= (1 << 16) + 2; offset++) {
            String xml = START + "x".repeat(offset - START.length()) + "<mergeCell ref=\"A1:B1\"/>";
            assertThat(XlsxWorkbook.mayHaveMergedCells(utf8(xml))).as("at %d", offset).isTrue();
            assertThat(XlsxWorkbook.mayHaveMergedCells(oneByteAtATime(xml))).as("at %d, byte by byte", offset).isTrue();
        }
    }

    @Test
    void shouldFindTheFirstOccurrenceWhereAPlainSearchDoes() {
        // Text made of the name's own letters, the hard case for a search that skips ahead.
        java.util.Random random = new java.util.Random(7);
        String letters = "mergeCl<> ";
        for (int trial = 0; trial < 2_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(8) == 0 ? "mergeCel" : String.valueOf(letters.charAt(random.nextInt(letters.length()))));
            }
            if (random.nextBoolean()) {
                text.insert(random.nextInt(text.length() + 1), "mergeCell");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            assertThat(XlsxWorkbook.indexOfMergeCell(bytes, bytes.length)).as(text.toString()).isEqualTo(text.indexOf("mergeCell"));
        }
    }

    @Test
    void shouldSearchASheetHeldInMemoryOnlyAfterItsRows() throws IOException {
        String mentioned = START + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>mergeCell</t></is></c></row>"
                + rows(100);
        byte[] without = utf8Bytes(mentioned + "</sheetData><pageMargins left=\"0.7\"/></worksheet>");
        byte[] with = utf8Bytes(mentioned + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/>"
                + "</mergeCells></worksheet>");
        byte[] prefixed = utf8Bytes(mentioned.replace("<sheetData>", "<x:sheetData>") + "</x:sheetData>"
                + "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A2:A3\"/></x:mergeCells></worksheet>");
        byte[] noRows = utf8Bytes("<worksheet><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>");

        assertThat(XlsxWorkbook.mayHaveMergedCells(without, without.length)).isFalse();
        assertThat(XlsxWorkbook.mayHaveMergedCells(new ByteArrayInputStream(without))).as("streamed: maybe").isTrue();
        assertThat(XlsxWorkbook.mayHaveMergedCells(with, with.length)).isTrue();
        assertThat(XlsxWorkbook.mayHaveMergedCells(prefixed, prefixed.length)).isTrue();
        assertThat(XlsxWorkbook.mayHaveMergedCells(noRows, noRows.length)).isTrue();
    }

    @Test
    void shouldFindTheRangesOfAHeldSheetAsParsingTheWholePartDoes() throws Exception {
        String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
        String rows = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + ns + "><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[<mergeCells>]]></t></is></c></row>"
                + rows(50) + "</sheetData>";
        String[] sheets = {
            // as Excel writes it
            rows + "<mergeCells count=\"2\"><mergeCell ref=\"A2:A4\"/><mergeCell ref=\"B2:C2\"/></mergeCells>"
                    + "<pageMargins left=\"0.7\"/></worksheet>",
            // an end tag inside a comment: the element alone does not parse, the whole part does
            rows + "<mergeCells count=\"2\"><mergeCell ref=\"A2:A4\"/><!-- </mergeCells> -->"
                    + "<mergeCell ref=\"B2:C2\"/></mergeCells></worksheet>",
            // prefixed names: not found as they are, the whole part is parsed
            rows.replace("<worksheet " + ns, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                    .replace("sheetData>", "x:sheetData>").replace("<row", "<x:row").replace("</row", "</x:row")
                    .replace("<c ", "<x:c ").replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>")
                    .replace("<is>", "<x:is>").replace("</is>", "</x:is>").replace("<t>", "<x:t>").replace("</t>", "</x:t>")
                    + "<x:mergeCells count=\"2\"><x:mergeCell ref=\"A2:A4\"/><x:mergeCell ref=\"B2:C2\"/></x:mergeCells>"
                    + "</x:worksheet>"};
        for (String sheet : sheets) {
            byte[] held = utf8Bytes(sheet);
            assertThat(XlsxWorkbook.mergedRegions(held)).as(sheet.substring(sheet.length() - 120))
                    .containsExactly(new CellRange(2, 4, 0, 0), new CellRange(2, 2, 1, 2));
        }
        byte[] damaged = utf8Bytes(rows + "<mergeCells count=\"1\"><mergeCell ref=\"A2:A4\"></mergeCells></worksheet>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> XlsxWorkbook.mergedRegions(damaged))
                .isInstanceOf(javax.xml.stream.XMLStreamException.class);
    }

    private static byte[] utf8Bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldLeaveAnythingButUtf8ToTheParser() throws IOException {
        byte[] utf16 = (START.replace("UTF-8", "UTF-16") + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_16);
        assertThat(XlsxWorkbook.mayHaveMergedCells(new ByteArrayInputStream(utf16))).isTrue();
    }

    private static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= count; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r)
                    .append("</v></c></row>");
        }
        return rows.toString();
    }

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream oneByteAtATime(String xml) {
        return new FilterInputStream(utf8(xml)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
