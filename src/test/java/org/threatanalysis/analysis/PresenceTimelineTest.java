package org.threatanalysis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.analysis.PresenceStatus.ABSENT;
import static org.threatanalysis.analysis.PresenceStatus.CONTINUING;
import static org.threatanalysis.analysis.PresenceStatus.NEW;
import static org.threatanalysis.analysis.PresenceStatus.NO_DATA;
import static org.threatanalysis.analysis.PresenceStatus.NO_LONGER_REPORTED;
import static org.threatanalysis.analysis.PresenceStatus.RE_EMERGED;
import static org.threatanalysis.analysis.PresenceStatus.REPORTED;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The status of a modus operandi or route per year, on small hand-made histories. */
class PresenceTimelineTest {

    private static final Set<Integer> ALL_YEARS = Set.of(2017, 2018, 2019, 2020, 2021);

    @Test
    void shouldCallAMethodFirstReportedAfterTheFirstYearNew() {
        assertThat(PresenceTimeline.statuses(Set.of(2021), ALL_YEARS, 2017, 2021).values())
                .containsExactly(ABSENT, ABSENT, ABSENT, ABSENT, NEW);
    }

    @Test
    void shouldCallAMethodReportedEveryYearContinuing() {
        assertThat(PresenceTimeline.statuses(ALL_YEARS, ALL_YEARS, 2017, 2021).values())
                .containsExactly(REPORTED, CONTINUING, CONTINUING, CONTINUING, CONTINUING);
    }

    @Test
    void shouldCallAMethodReportedAgainAfterAGapReEmerged() {
        assertThat(PresenceTimeline.statuses(Set.of(2017, 2018, 2021), ALL_YEARS, 2017, 2021).values())
                .containsExactly(REPORTED, CONTINUING, NO_LONGER_REPORTED, ABSENT, RE_EMERGED);
    }

    @Test
    void shouldMarkTheFirstYearWithoutReportsAsNoLongerReported() {
        assertThat(PresenceTimeline.statuses(Set.of(2017, 2018, 2019), ALL_YEARS, 2017, 2021).values())
                .containsExactly(REPORTED, CONTINUING, CONTINUING, NO_LONGER_REPORTED, ABSENT);
    }

    @Test
    void shouldNotTreatAYearWithoutASubmissionAsAnAbsence() {
        // The state did not submit 2019: the method continues, it does not stop and re-emerge.
        assertThat(PresenceTimeline.statuses(Set.of(2017, 2018, 2020), Set.of(2017, 2018, 2020, 2021), 2017, 2021)
                .values()).containsExactly(REPORTED, CONTINUING, NO_DATA, CONTINUING, NO_LONGER_REPORTED);
    }

    @Test
    void shouldNotCallAMethodNewInTheFirstYearWithDataOfALateSubmitter() {
        // Kosovo submitted 2019-2021 only: a method reported in 2019 is its baseline, not new.
        assertThat(PresenceTimeline.statuses(Set.of(2019, 2020), Set.of(2019, 2020, 2021), 2017, 2021).values())
                .containsExactly(NO_DATA, NO_DATA, REPORTED, CONTINUING, NO_LONGER_REPORTED);
    }
}
