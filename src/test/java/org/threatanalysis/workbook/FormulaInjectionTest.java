package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.Workspace;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Text from a submission that a spreadsheet would take for a formula is written as a string cell
 * whose style is quote-prefixed, checked in the XML of the workbook the job wrote (not through
 * POI's reading of it): it stays text even after an analyst edits the cell.
 */
class FormulaInjectionTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3",
            "@SUM(A1:A2)", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "=cmd|' /C calc'!A0");

    @TempDir
    Path temp;

    @Test
    void shouldWriteFormulaLikeTextAsQuotePrefixedStrings() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        FixtureWorkbooks book = FixtureWorkbooks.workbook();
        var sheet = book.sheet("Submission").row("Member state", "Montenegro").row("Reporting period", "2019")
                .row("Submission date", java.time.LocalDate.of(2022, 3, 14))
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER);
        for (String text : HOSTILE) {
            sheet.row(2019, "Migrant smuggling", "cases", null, 1, null, text);
        }
        sheet.saveAs(workspace.input().resolve("ME_2019.xlsx"));

        CliRun run = workspace.run();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        try (ZipFile zip = new ZipFile(workspace.workbook().toFile())) {
            Document styles = parse(zip, "xl/styles.xml");
            NodeList xfs = ((Element) styles.getElementsByTagNameNS(MAIN, "cellXfs").item(0))
                    .getElementsByTagNameNS(MAIN, "xf");
            Document indicators = parse(zip, sheetPart(zip, "Indicators"));
            Map<String, Element> cellsByText = new HashMap<>();
            NodeList cells = indicators.getElementsByTagNameNS(MAIN, "c");
            for (int i = 0; i < cells.getLength(); i++) {
                Element cell = (Element) cells.item(i);
                assertThat(cell.getElementsByTagNameNS(MAIN, "f").getLength()).as("no formula in any cell").isZero();
                NodeList t = cell.getElementsByTagNameNS(MAIN, "t");
                if (t.getLength() > 0) {
                    cellsByText.put(t.item(0).getTextContent(), cell);
                }
            }
            for (String text : HOSTILE) {
                Element cell = cellsByText.get(text);
                assertThat(cell).as(text).isNotNull();
                assertThat(cell.getAttribute("t")).as(text).isIn("inlineStr", "s");
                Element xf = (Element) xfs.item(Integer.parseInt(cell.getAttribute("s")));
                assertThat(xf.getAttribute("quotePrefix")).as(text).isIn("1", "true");
            }
        }
    }

    @Test
    void shouldRecogniseEveryFormulaPrefix() {
        for (String text : List.of("=1", "+1", "-1", "@A", "\t=1", "\r=1", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF20A")) {
            assertThat(FormulaGuard.looksLikeFormula(text)).as(text).isTrue();
        }
        assertThat(FormulaGuard.looksLikeFormula("Heroin via Bar")).isFalse();
    }

    private static String sheetPart(ZipFile zip, String sheetName) throws Exception {
        Document workbook = parse(zip, "xl/workbook.xml");
        NodeList sheets = workbook.getElementsByTagNameNS(MAIN, "sheet");
        String relationId = null;
        for (int i = 0; i < sheets.getLength(); i++) {
            Element sheet = (Element) sheets.item(i);
            if (sheetName.equals(sheet.getAttribute("name"))) {
                relationId = sheet.getAttributeNS(RELS, "id");
            }
        }
        Document rels = parse(zip, "xl/_rels/workbook.xml.rels");
        NodeList relations = rels.getElementsByTagName("Relationship");
        for (int i = 0; i < relations.getLength(); i++) {
            Element relation = (Element) relations.item(i);
            if (relation.getAttribute("Id").equals(relationId)) {
                String target = relation.getAttribute("Target");
                return target.startsWith("/") ? target.substring(1) : "xl/" + target;
            }
        }
        throw new AssertionError("no sheet " + sheetName);
    }

    private static Document parse(ZipFile zip, String entry) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (var in = zip.getInputStream(zip.getEntry(entry))) {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
            throw e;
        }
    }
}
