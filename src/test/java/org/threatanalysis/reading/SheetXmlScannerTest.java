package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The worksheet scanner against a general XML parser (Aalto, through {@link SafeXml}) on the
 * same bytes: the same elements, attributes and texts, whatever the sizes of the reads that
 * deliver the bytes (down to one byte at a time, so that every token is cut by a buffer's end
 * somewhere), and the same refusals of XML that is not well-formed.
 */
class SheetXmlScannerTest {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** How many bytes each read delivers; 0: the part held in memory and scanned in place. */
    private static final int[] READ_SIZES = {0, 1, 2, 3, 7, 64, 1 << 16};

    static Stream<Arguments> wellFormed() {
        String longText = "Lorem ipsum dolor sit amet, ".repeat(1_500) + "конец";
        return Stream.of(
                Arguments.of("typical", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Year</t></is></c>"
                        + "<c r=\"B1\" s=\"3\"><v>2019.0</v></c><c r=\"C1\" t=\"s\"><v>12</v></c></row>\n"
                        + "<row r=\"2\"><c r=\"AB2\" t=\"str\"><f>A1&amp;B1</f><v>x</v></c></row>"), UTF8),
                Arguments.of("attributes written with references", sheet("<row r=\"&#52;\"><c r=\"B&#52;\" "
                        + "t=\"&#115;\" s=\" 3\"><v>0</v></c></row>"), UTF8),
                Arguments.of("references", sheet("<row r=\"3\"><c r=\"A&#51;\" t=\"inlineStr\"><is><t>a &amp; b "
                        + "&lt;c&gt; &#233;&#x4E2D;&#x4e2d; &quot;&apos; &#128512;</t></is></c></row>"), UTF8),
                Arguments.of("cdata, comments and instructions", sheet("<!-- before --><row r=\"1\"><?pi data?>"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>x<![CDATA[<b>&amp;]]]]>y<!-- inside -->z<?p q?>"
                        + "</t></is></c><c r=\"B1\" t=\"str\"><v><![CDATA[one\r\ntwo\rthree\r]]>\nfour</v></c></row>"),
                        UTF8),
                Arguments.of("line ends", sheet("<row\r\nr=\"1\"\t><c r=\"A1\" t=\"inlineStr\"><is><t>one\r\ntwo\rthree\n"
                        + "four\r</t></is></c><c r=\"B1\" t=\"str\"><v>\r\n</v></c></row>"), UTF8),
                Arguments.of("prefixes", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<x:worksheet xmlns:x=\"" + NS + "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\">"
                        + "<x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>"), UTF8),
                Arguments.of("quotes, spaces and empty elements", sheet("<row r='1' spans = \"1:3\" ><c r='A1' s='2'/>"
                        + "<c r=\"B1\"><v></v></c><c r=\"C1\"><v/></c><c r=\"D1\" t='inlineStr'><is><t/></is></c>"
                        + "</row><row r=\"2\"/><row r=\"3\" ><c r=\"A3\"><v>7</v\n></c><c r=\"B3\" t=\"inlineStr\"><is><t>x</t >"
                        + "</is></c></row >"), UTF8),
                Arguments.of("rich text and phonetic runs", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>"
                        + "<r><rPr><b/><sz val=\"11\"/></rPr><t>bold</t></r><r><t xml:space=\"preserve\"> tail </t></r>"
                        + "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh><phoneticPr fontId=\"1\"/></is></c></row>"), UTF8),
                Arguments.of("long text", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + longText
                        + "</t></is></c><c r=\"B1\"><v>1</v></c></row>"), UTF8),
                Arguments.of("merged cells after the rows", sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
                        .replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/>"
                                + "</mergeCells>"), UTF8),
                Arguments.of("byte order mark", "\uFEFF" + sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), UTF8),
                Arguments.of("UTF-16 with a byte order mark", "\uFEFF" + sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                        + "<is><t>Трговина дрогом 😀</t></is></c></row>").replace("UTF-8", "UTF-16"),
                        StandardCharsets.UTF_16LE),
                Arguments.of("UTF-16 without one", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Škoda</t></is>"
                        + "</c></row>").replace("UTF-8", "UTF-16"), StandardCharsets.UTF_16BE),
                Arguments.of("ISO-8859-1, declared", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Gérard à "
                        + "Zürich</t></is></c></row>").replace("UTF-8", "ISO-8859-1"), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void shouldReadWhatAGeneralXmlParserReads(String name, String xml, Charset charset) throws Exception {
        byte[] bytes = xml.getBytes(charset);
        List<String> expected = withStax(bytes);
        assertThat(expected).hasSizeGreaterThan(5);
        for (int readSize : READ_SIZES) {
            assertThat(withScanner(bytes, readSize)).as("reads of %d bytes", readSize).isEqualTo(expected);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("end tag that does not match", sheet("<row r=\"1\"><c r=\"A1\"><v>1</c></v></row>"),
                        "does not match"),
                Arguments.of("attribute without quotes", sheet("<row r=1><c r=\"A1\"><v>1</v></c></row>"), "quotes"),
                Arguments.of("undeclared entity", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t>"
                        + "</is></c></row>"), "entity"),
                Arguments.of("bare ampersand", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a & b</t></is>"
                        + "</c></row>"), "reference"),
                Arguments.of("document type", sheet("<row r=\"1\"/>").replace("<worksheet",
                        "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">]><worksheet"), "DOCTYPE"),
                Arguments.of("control character", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\u0001b</t>"
                        + "</is></c></row>"), "control character"),
                Arguments.of("control character in CDATA", sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><v><![CDATA[a\u0002b]]>"
                        + "</v></c></row>"), "control character"),
                Arguments.of("illegal character reference", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>"
                        + "<t>a&#1;b</t></is></c></row>"), "illegal character"),
                Arguments.of("cut short", sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").substring(0, 180),
                        "ends"),
                Arguments.of("element inside a value", sheet("<row r=\"1\"><c r=\"A1\"><v>1<b/></v></c></row>"),
                        "inside a value"),
                Arguments.of("element after the root", sheet("<row r=\"1\"/>") + "<worksheet/>", "after the end"),
                Arguments.of("row number that is not one", sheet("<row r=\"x1\"><c r=\"A1\"><v>1</v></c></row>"),
                        "not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRefuseWhatIsNotWellFormed(String name, String xml, String reason) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int readSize : READ_SIZES) {
            assertThatThrownBy(() -> withScanner(bytes, readSize)).as("reads of %d bytes", readSize)
                    .isInstanceOf(XMLStreamException.class).hasMessageContaining(reason);
        }
        if (!name.startsWith("row number")) {
            assertThatThrownBy(() -> withStax(bytes)).as("the general parser refuses it too")
                    .isInstanceOf(XMLStreamException.class);
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8() {
        String[] halves = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf|</t></is></c></row>").split("\\|");
        byte[] start = halves[0].getBytes(StandardCharsets.UTF_8);
        byte[] end = halves[1].getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 1 + end.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xE9; // é in ISO-8859-1, not UTF-8
        System.arraycopy(end, 0, bytes, start.length + 1, end.length);
        for (int readSize : READ_SIZES) {
            assertThatThrownBy(() -> withScanner(bytes, readSize)).hasMessageContaining("not UTF-8");
        }
        assertThatThrownBy(() -> withStax(bytes)).as("the general parser refuses it too")
                .isInstanceOf(XMLStreamException.class);
    }

    @Test
    void shouldStopATextAtItsBudgetWithoutReadingItAll() throws Exception {
        String xml = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "x".repeat(100_001) + "</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>" + "y".repeat(100_000) + "</t></is></c></row>");
        for (int readSize : READ_SIZES) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            SheetXmlScanner scanner = readSize == 0 ? new SheetXmlScanner(bytes)
                    : new SheetXmlScanner(trickle(bytes, readSize));
            List<String> texts = new ArrayList<>();
            while (scanner.next() != SheetXmlScanner.END_OF_PART) {
                if (scanner.name() == SheetXmlScanner.TEXT) {
                    String text = scanner.text(100_000);
                    texts.add(text == null ? "over budget" : text.substring(0, 1) + text.length());
                    if (text == null) {
                        break;
                    }
                }
            }
            assertThat(texts).as("reads of %d bytes", readSize).containsExactly("over budget");
        }
        SheetXmlScanner scanner = new SheetXmlScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<Integer> lengths = new ArrayList<>();
        while (scanner.next() != SheetXmlScanner.END_OF_PART) {
            if (scanner.name() == SheetXmlScanner.TEXT) {
                String text = scanner.text(100_001);
                lengths.add(text == null ? -1 : text.length());
            }
        }
        assertThat(lengths).containsExactly(100_001, 100_000);
    }

    // ---- helpers

    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" + NS + "\"><dimension ref=\"A1:C3\"/>"
                + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    private static final byte[][] TYPES = {{'n'}, {'s'}, "inlineStr".getBytes(StandardCharsets.US_ASCII),
            "str".getBytes(StandardCharsets.US_ASCII)};
    private static final String[] NAMES = {"other", "row", "c", "v", "is", "t", "rPh", "sheetData"};

    /** Element starts with the attributes r, t, s and ref; the text of v and t; element ends. */
    private static List<String> withScanner(byte[] bytes, int readSize) throws Exception {
        SheetXmlScanner scanner = readSize == 0 && Utf8Parts.isUtf8(bytes) ? new SheetXmlScanner(bytes)
                : new SheetXmlScanner(Utf8Parts.utf8(trickle(bytes, Math.max(readSize, 1))));
        List<String> events = new ArrayList<>();
        int event;
        while ((event = scanner.next()) != SheetXmlScanner.END_OF_PART) {
            String name = NAMES[scanner.name()];
            if (event == SheetXmlScanner.END) {
                events.add("/" + name);
                continue;
            }
            String start = name;
            for (String attribute : new String[] {"r", "t", "s", "ref"}) {
                String value = scanner.attribute(attribute.getBytes(StandardCharsets.US_ASCII));
                if (value != null) {
                    start += " " + attribute + "=" + value;
                }
            }
            if (scanner.name() == SheetXmlScanner.ROW) {
                start += " row=" + scanner.intAttribute(new byte[] {'r'}, -1);
            }
            if (scanner.name() == SheetXmlScanner.CELL) {
                int column = scanner.columnAttribute(new byte[] {'r'});
                start += " column=" + (column == -2 ? columnOf(scanner.attribute(new byte[] {'r'})) : column);
                start += " type=" + scanner.attributeChoice(new byte[] {'t'}, TYPES);
                start += " style=" + scanner.intAttribute(new byte[] {'s'}, 0);
            }
            events.add(start);
            if (scanner.name() == SheetXmlScanner.VALUE || scanner.name() == SheetXmlScanner.TEXT) {
                events.add("text " + scanner.text(1_000_000));
                events.add("/" + name);
            }
        }
        return events;
    }

    private static List<String> withStax(byte[] bytes) throws Exception {
        XMLStreamReader xml = SafeXml.reader(new ByteArrayInputStream(bytes));
        List<String> events = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                continue;
            }
            String name = nameOf(xml.getLocalName());
            if (event == XMLStreamConstants.END_ELEMENT) {
                events.add("/" + name);
                continue;
            }
            String start = name;
            for (String attribute : new String[] {"r", "t", "s", "ref"}) {
                String value = xml.getAttributeValue(null, attribute);
                if (value != null) {
                    start += " " + attribute + "=" + value;
                }
            }
            String r = xml.getAttributeValue(null, "r");
            if (name.equals("row")) {
                start += " row=" + (r == null ? -1 : Integer.parseInt(r));
            }
            if (name.equals("c")) {
                start += " column=" + (r == null ? -1 : columnOf(r));
                String t = xml.getAttributeValue(null, "t");
                int type = t == null ? -1 : TYPES.length;
                for (int i = 0; t != null && i < TYPES.length; i++) {
                    if (t.equals(new String(TYPES[i], StandardCharsets.US_ASCII))) {
                        type = i;
                    }
                }
                String s = xml.getAttributeValue(null, "s");
                start += " type=" + type + " style=" + (s == null ? 0 : Integer.parseInt(s.strip()));
            }
            events.add(start);
            if (name.equals("v") || name.equals("t")) {
                events.add("text " + xml.getElementText());
                events.add("/" + name);
            }
        }
        return events;
    }

    private static int columnOf(String reference) {
        return reference.matches("[A-Z]{1,4}[0-9]+") ? new org.apache.poi.ss.util.CellReference(reference).getCol() : -2;
    }

    private static String nameOf(String localName) {
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(localName)) {
                return NAMES[i];
            }
        }
        return "other";
    }

    /** The bytes delivered at most readSize at a time, as a slow or chunked stream does. */
    private static InputStream trickle(byte[] bytes, int readSize) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, readSize));
            }
        };
    }
}
