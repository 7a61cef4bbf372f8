package org.threatanalysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.normalisation.ModusOperandiMatch;
import org.threatanalysis.normalisation.ScoredModusOperandiMatcher;
import org.threatanalysis.reading.SubmissionWorkbook;

/** An analyst's reference workbook extends and overrides the shipped reference data, without Spring. */
class ReferenceWorkbookTest {

    @TempDir
    Path temp;

    private Path workbook(String... sheetsAndRows) throws Exception {
        Path file = temp.resolve("reference.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = null;
            int rowNumber = 0;
            for (String line : sheetsAndRows) {
                if (line.startsWith("#")) {
                    sheet = workbook.createSheet(line.substring(1));
                    rowNumber = 0;
                    continue;
                }
                Row row = sheet.createRow(rowNumber++);
                String[] cells = line.split("\\|", -1);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private static ReferenceData load(Path file) throws Exception {
        try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file)) {
            assertThat(ReferenceWorkbook.isReferenceWorkbook(workbook)).isTrue();
            return ReferenceData.load(List.of(ReferenceWorkbook.read(workbook, "reference.xlsx", ReferenceData.columns())));
        }
    }

    @Test
    void shouldAddPlacesAndMoPhrasingsAndChangeTheFingerprint() throws Exception {
        Path file = workbook("#Places", "place|country|kind|phrasings", "Šepak|BA|border-crossing|Šepak Donji ; Шепак",
                "#Modus operandi vocabulary", "code|crime_area|label|phrasings",
                "MS01|MSM|concealed in lorries|migrants under the tarpaulin of a semi-trailer");
        ReferenceData reference = load(file);
        assertThat(new CountryResolver(reference).country("Шепак")).contains("BA");
        assertThat(new CountryResolver(ReferenceData.loadDefaults()).country("Шепак")).isEmpty();
        ModusOperandiMatch match = new ScoredModusOperandiMatcher(reference, 0.6, 0.1)
                .match("Migrants under the tarpaulin of a semi-trailer", null, "MSM");
        assertThat(match.code()).isEqualTo("MS01");
        assertThat(match.method()).isEqualTo(ModusOperandiMatch.Method.EXACT);
        assertThat(reference.fingerprint()).isNotEqualTo(ReferenceData.loadDefaults().fingerprint());
        assertThat(reference.description()).contains("reference.xlsx").contains("places +1")
                .contains(reference.fingerprint());
    }

    @Test
    void shouldReadDecisionsFromAReviewSheet() throws Exception {
        Path file = workbook("#Review", "Kind|Crime area|Text as submitted|Occurrences|Decision",
                "modus operandi|THB|Victims recruited by neighbours|2|TH01",
                "modus operandi|MSM|Smugglers use new meeting points|1|none",
                "modus operandi|MSM|Something nobody decided|1|",
                "place||Lesvos|3|GR");
        ReferenceData reference = load(file);
        assertThat(reference.decisions().size()).isEqualTo(3);
        ScoredModusOperandiMatcher matcher = new ScoredModusOperandiMatcher(reference, 0.6, 0.1);
        ModusOperandiMatch decided = matcher.match("victims recruited by NEIGHBOURS", null, "THB");
        assertThat(decided.code()).isEqualTo("TH01");
        assertThat(decided.method()).isEqualTo(ModusOperandiMatch.Method.DECISION);
        ModusOperandiMatch none = matcher.match("Smugglers use new meeting points", null, "MSM");
        assertThat(none.code()).isNull();
        assertThat(none.method()).isEqualTo(ModusOperandiMatch.Method.DECISION);
        assertThat(new CountryResolver(reference).country("Lesvos")).contains("GR");
    }

    @Test
    void shouldNotTakeASubmissionForAReferenceWorkbook() throws Exception {
        Path file = workbook("#Submission", "Member state|Romania", "#Places", "place|country", "Nădlac|RO");
        try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file)) {
            assertThat(ReferenceWorkbook.isReferenceWorkbook(workbook)).isFalse();
        }
    }
}
