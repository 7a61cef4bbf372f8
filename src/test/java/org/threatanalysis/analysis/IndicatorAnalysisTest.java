package org.threatanalysis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Regional totals and changes computed on comparable states only. */
class IndicatorAnalysisTest {

    private static StateFigure cases(String state, int year, int value) {
        return new StateFigure("MSM", "cases", null, null, state, year, BigDecimal.valueOf(value), 0);
    }

    @Test
    void shouldSumTheFiguresOfTheReportingStatesPerYear() {
        IndicatorAnalysis.Result result = IndicatorAnalysis.build(List.of(cases("RS", 2020, 100), cases("BG", 2020, 50),
                new StateFigure("MSM", "cases", null, null, "MD", 2020, null, 1)), 2020, 2020);
        RegionalTotal total = result.totals().get(0);
        assertThat(total.total()).isEqualByComparingTo("150");
        assertThat(total.states()).containsExactly("BG", "RS");
        assertThat(total.suppressedOrMissing()).isEqualTo(1);
    }

    @Test
    void shouldNotTreatAMissingStateAsADropToZero() {
        // BG did not report 2021: the change is computed on RS alone and says so.
        IndicatorAnalysis.Result result = IndicatorAnalysis.build(List.of(cases("RS", 2020, 100), cases("BG", 2020, 50),
                cases("RS", 2021, 120)), 2020, 2021);
        IndicatorChange change = result.changes().get(0);
        assertThat(change.comparison()).isEqualTo(IndicatorAnalysis.YEAR_ON_YEAR);
        assertThat(change.totalFrom()).isEqualByComparingTo("150");
        assertThat(change.totalTo()).isEqualByComparingTo("120");
        assertThat(change.comparableStates()).containsExactly("RS");
        assertThat(change.comparableFrom()).isEqualByComparingTo("100");
        assertThat(change.comparableTo()).isEqualByComparingTo("120");
        assertThat(change.changePercent()).isEqualTo(20.0);
        assertThat(change.note()).contains("BG");
    }

    @Test
    void shouldComputeTheChangeOverTheWholePeriodOnStatesReportingBothEnds() {
        IndicatorAnalysis.Result result = IndicatorAnalysis.build(List.of(cases("RS", 2017, 100), cases("RS", 2018, 90),
                cases("RS", 2019, 150), cases("XK", 2019, 40)), 2017, 2019);
        IndicatorChange period = result.changes().stream()
                .filter(c -> IndicatorAnalysis.WHOLE_PERIOD.equals(c.comparison())).findFirst().orElseThrow();
        assertThat(period.fromYear()).isEqualTo(2017);
        assertThat(period.toYear()).isEqualTo(2019);
        assertThat(period.comparableStates()).containsExactly("RS");
        assertThat(period.changePercent()).isEqualTo(50.0);
        assertThat(result.changes()).filteredOn(c -> IndicatorAnalysis.YEAR_ON_YEAR.equals(c.comparison())).hasSize(2);
    }

    @Test
    void shouldGiveNoPercentWhenNoStateReportedBothYears() {
        IndicatorAnalysis.Result result = IndicatorAnalysis.build(List.of(cases("RS", 2020, 100), cases("BG", 2021, 80)),
                2020, 2021);
        assertThat(result.changes().get(0).changePercent()).isNull();
        assertThat(result.changes().get(0).note()).contains("no state reported both years");
    }
}
