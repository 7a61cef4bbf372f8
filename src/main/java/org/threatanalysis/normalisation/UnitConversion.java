package org.threatanalysis.normalisation;

import java.math.BigDecimal;
import java.util.Optional;

import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.Vocabulary;

/**
 * Converts a seized quantity to the common unit of its dimension: mass to kg, cigarettes to
 * sticks (a pack is 20, a carton 200), pieces and litres kept.
 */
public final class UnitConversion {

    /** A converted quantity, or the reason it could not be converted. */
    public record Converted(BigDecimal value, String unit, String problem) {

        boolean ok() {
            return problem == null;
        }
    }

    private final Vocabulary units;

    public UnitConversion(ReferenceData reference) {
        this.units = reference.units();
    }

    public Optional<String> unitCode(String text) {
        return units.lookup(text);
    }

    /**
     * @param value the submitted figure
     * @param unitCode the resolved unit code, or {@code null} when none was given
     * @param commodityKind the commodity's kind ({@code tobacco} makes pieces into sticks)
     */
    public Converted convert(BigDecimal value, String unitCode, String commodityCode, String commodityKind) {
        boolean cigarettes = "cigarettes".equals(commodityCode) || "tobacco".equals(commodityKind);
        if (unitCode == null) {
            return new Converted(value, null, null);
        }
        Vocabulary.Entry unit = units.entry(unitCode).orElse(null);
        if (unit == null) {
            return new Converted(null, null, "unknown unit");
        }
        BigDecimal factor = new BigDecimal(unit.attribute("factor").isBlank() ? "1" : unit.attribute("factor"));
        BigDecimal converted = value.multiply(factor).stripTrailingZeros();
        return switch (unit.attribute("dimension")) {
            case "mass" -> new Converted(converted, "kg", null);
            case "volume" -> new Converted(converted, "litres", null);
            case "count" -> new Converted(converted, cigarettes ? "sticks" : "pieces", null);
            case "cigarette-pack", "cigarette-carton" -> cigarettes
                    ? new Converted(converted, "sticks", null)
                    : new Converted(null, null, "unit '" + unitCode + "' is only used for cigarettes");
            default -> new Converted(null, null, "unit '" + unitCode + "' has no known dimension");
        };
    }
}
