package org.threatanalysis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Shifts found state by state and merged across the states that report the same one. */
class RouteShiftDetectorTest {

    private static Sighting route(String state, int year, String countries) {
        return new Sighting("MSM", countries, "migrants", state, year, null, "road");
    }

    private static final Set<Integer> YEARS = Set.of(2018, 2019);

    @Test
    void shouldMergeTheSameShiftReportedByThreeStates() {
        List<Sighting> routes = List.of(
                route("RS", 2018, "TR>BG>RS>HU>AT"), route("RS", 2019, "TR>BG>RS>BA>HR>SI>AT"),
                route("BG", 2018, "TR>BG>RS>HU>AT"), route("BG", 2019, "TR>BG>RS>BA>HR>SI>AT"),
                route("BA-SRP", 2018, "TR>BG>RS>HU>AT"), route("BA-SRP", 2019, "TR>BG>RS>BA>HR>SI>AT"));
        List<RouteShift> shifts = RouteShiftDetector.detect(routes, Map.of("RS", YEARS, "BG", YEARS, "BA-SRP", YEARS));
        assertThat(shifts).hasSize(1);
        assertThat(shifts.get(0).states()).containsExactly("BA-SRP", "BG", "RS");
        assertThat(shifts.get(0).countryChange()).isEqualTo("\u2212HU +BA +HR +SI");
        assertThat(shifts.get(0).fromYear()).isEqualTo(2018);
        assertThat(shifts.get(0).toYear()).isEqualTo(2019);
    }

    @Test
    void shouldNotCallARouteStillReportedAShift() {
        List<Sighting> routes = List.of(route("RS", 2018, "TR>BG>RS>HU>AT"), route("RS", 2019, "TR>BG>RS>HU>AT"),
                route("RS", 2019, "TR>BG>RS>BA>HR>SI>AT"));
        assertThat(RouteShiftDetector.detect(routes, Map.of("RS", YEARS))).isEmpty();
    }

    @Test
    void shouldNotPairRoutesOfDifferentCommodities() {
        List<Sighting> routes = List.of(route("RS", 2018, "TR>BG>RS>HU>AT"),
                new Sighting("MSM", "TR>BG>RS>BA>HR>SI>AT", "victims", "RS", 2019, null, null));
        assertThat(RouteShiftDetector.detect(routes, Map.of("RS", YEARS))).isEmpty();
    }

    @Test
    void shouldNotPairAcrossAYearTheStateDidNotSubmit() {
        List<Sighting> routes = List.of(route("XK", 2017, "TR>BG>RS>HU>AT"), route("XK", 2019, "TR>BG>RS>BA>HR>SI>AT"));
        assertThat(RouteShiftDetector.detect(routes, Map.of("XK", Set.of(2017, 2019)))).isEmpty();
    }

    @Test
    void shouldPairEachEndedRouteWithItsBestCandidateOnly() {
        List<Sighting> routes = List.of(route("RS", 2018, "TR>BG>RS>HU>AT"),
                route("RS", 2019, "TR>BG>RS>BA>HR>SI>AT"), route("RS", 2019, "TR>BG>RS>RO"));
        List<RouteShift> shifts = RouteShiftDetector.detect(routes, Map.of("RS", YEARS));
        assertThat(shifts).hasSize(1);
        assertThat(shifts.get(0).afterSequence()).isEqualTo("TR>BG>RS>BA>HR>SI>AT");
    }
}
