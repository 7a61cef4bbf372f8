package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.SheetRow;

/** A data row's cells by field, as the header placed the fields, whatever string names a field. */
class RowValuesTest {

    private final HeaderLayout layout = new HeaderLayout(3, new java.util.LinkedHashMap<>(Map.of(
            new String("year"), 0, new String("crime_area"), 1, new String("value"), 3, new String("notes"), 5)),
            List.of());

    @Test
    void aRowHasTheCellsOfItsFieldsAndNoOthers() {
        CellValue year = CellValue.number(0, 2019, null);
        CellValue area = CellValue.text(1, "Drug trafficking");
        CellValue notes = CellValue.text(5, "see annex");
        Map<String, CellValue> values = layout.valuesOf(new SheetRow(7, List.of(year, area,
                CellValue.text(2, "not a field"), notes)));

        assertThat(values.get("year")).isSameAs(year);
        assertThat(values.get(new String("crime_area"))).isSameAs(area); // equal, not the same string
        assertThat(values.get("value")).isNull(); // the row has no cell there
        assertThat(values.containsKey("value")).isFalse();
        assertThat(values.get("commodity")).isNull(); // not a field of this sheet
        assertThat(values).hasSize(3);
        assertThat(values.values()).containsExactlyInAnyOrder(year, area, notes);
        assertThat(values).isEqualTo(Map.of("year", year, "crime_area", area, "notes", notes));
        assertThat(Map.of("year", year, "crime_area", area, "notes", notes)).isEqualTo(values);
    }

    @Test
    void aBlankRowHasNoValues() {
        Map<String, CellValue> values = layout.valuesOf(new SheetRow(8, List.of()));
        assertThat(values).isEmpty();
        assertThat(values.values()).isEmpty();
        assertThat(values.entrySet().iterator().hasNext()).isFalse();
    }
}
