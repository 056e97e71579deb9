package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStateTest {

    @Test
    void idsAreTheOgcApiProcessesStatusCodes() {
        assertThat(EnumSet.allOf(JobState.class)).extracting(JobState::id)
                .containsExactly("accepted", "running", "successful", "failed", "dismissed");
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void fromIdReadsBackEveryId(JobState state) {
        assertThat(JobState.fromId(state.id())).isSameAs(state);
    }

    @Test
    void fromIdRejectsAnUnknownCodeNamingIt() {
        assertThatThrownBy(() -> JobState.fromId("paused")).hasMessageContaining("paused");
    }

    @Test
    void acceptedMayMoveToEveryOtherState() {
        assertThat(reachableFrom(JobState.ACCEPTED))
                .containsExactlyInAnyOrder(JobState.RUNNING, JobState.SUCCESSFUL, JobState.FAILED, JobState.DISMISSED);
    }

    @Test
    void runningMayOnlyEnd() {
        assertThat(reachableFrom(JobState.RUNNING))
                .containsExactlyInAnyOrder(JobState.SUCCESSFUL, JobState.FAILED, JobState.DISMISSED);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCESSFUL", "FAILED", "DISMISSED"})
    void terminalStatesAreTerminalAndMoveNowhere(JobState state) {
        assertThat(state.isTerminal()).isTrue();
        assertThat(reachableFrom(state)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"ACCEPTED", "RUNNING"})
    void openStatesAreNotTerminal(JobState state) {
        assertThat(state.isTerminal()).isFalse();
    }

    private static Set<JobState> reachableFrom(JobState state) {
        Set<JobState> reachable = EnumSet.noneOf(JobState.class);
        for (JobState next : JobState.values()) {
            if (state.canMoveTo(next)) {
                reachable.add(next);
            }
        }
        return reachable;
    }
}
