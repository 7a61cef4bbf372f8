package org.threatanalysis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rule that pairs a route that ended with one that started the next year as one shift. */
class RouteShiftMatcherTest {

    private static List<String> route(String countries) {
        return List.of(countries.split(">"));
    }

    @Test
    void shouldPairTheWesternBalkanShiftAndDescribeItInShorthand() {
        List<String> before = route("TR>BG>RS>HU>AT");
        List<String> after = route("TR>BG>RS>BA>HR>SI>AT");
        assertThat(RouteShiftMatcher.score(before, after)).isPositive();
        RouteShift shift = RouteShiftMatcher.shift("MSM", "migrants", 2018, 2019, before, after, "road", "road",
                List.of("BG", "RS"));
        assertThat(shift.countryChange()).isEqualTo("\u2212HU +BA +HR +SI");
        assertThat(shift.removed()).containsExactly("HU");
        assertThat(shift.added()).containsExactly("BA", "HR", "SI");
        assertThat(shift.entryPoint()).isNull();
        assertThat(shift.exitPoint()).isEqualTo("HU\u2192SI");
        assertThat(shift.transportChanged()).isFalse();
    }

    @Test
    void shouldPairARouteWhoseEntryPointMoved() {
        List<String> before = route("TR>BG>RS>HU");
        List<String> after = route("TR>GR>MK>RS>HU");
        assertThat(RouteShiftMatcher.score(before, after)).isPositive();
        RouteShift shift = RouteShiftMatcher.shift("MSM", null, 2016, 2017, before, after, "road", "on-foot", List.of("RS"));
        assertThat(shift.entryPoint()).isEqualTo("BG\u2192GR");
        assertThat(shift.countryChange()).isEqualTo("\u2212BG +GR +MK");
        assertThat(shift.describe()).contains("transport road\u2192on-foot");
    }

    @Test
    void shouldPairARouteThatDroppedACountry() {
        assertThat(RouteShiftMatcher.score(route("AL>GR>IT"), route("AL>IT"))).isPositive();
        assertThat(RouteShiftMatcher.shift("DRG", "cannabis", 2020, 2021, route("AL>GR>IT"), route("AL>IT"), null, null,
                List.of("AL")).countryChange()).isEqualTo("\u2212GR");
    }

    @Test
    void shouldPairRoutesSharingOneEndAndMostOfTheirSequence() {
        // Same origin, new destination, three of four countries in common.
        assertThat(RouteShiftMatcher.score(route("TR>BG>RS>HU"), route("TR>BG>RS>RO"))).isPositive();
    }

    @Test
    void shouldNotPairRoutesWithNeitherEndInCommon() {
        assertThat(RouteShiftMatcher.score(route("EC>ME>AL"), route("TR>BG>RS>HU>AT"))).isZero();
        assertThat(RouteShiftMatcher.score(route("GR>MK>RS"), route("AL>ME>BA"))).isZero();
    }

    @Test
    void shouldNotPairRoutesSharingOnlyAnOriginAndLittleElse() {
        // Both start in Turkey, but one goes by sea to Italy and the other overland to Austria.
        assertThat(RouteShiftMatcher.score(route("TR>GR>IT"), route("TR>BG>RS>HU>AT"))).isZero();
    }

    @Test
    void shouldNotPairARouteWithItselfOrWithASingleCountry() {
        assertThat(RouteShiftMatcher.score(route("TR>BG"), route("TR>BG"))).isZero();
        assertThat(RouteShiftMatcher.score(route("RS"), route("RS>HU"))).isZero();
    }

    @Test
    void shouldPreferTheCandidateSharingBothEnds() {
        double bothEnds = RouteShiftMatcher.score(route("TR>BG>RS>HU>AT"), route("TR>BG>RS>BA>HR>SI>AT"));
        double oneEnd = RouteShiftMatcher.score(route("TR>BG>RS>HU>AT"), route("TR>BG>RS>RO"));
        assertThat(bothEnds).isGreaterThan(oneEnd);
    }
}
