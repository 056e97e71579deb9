package eu.candela.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LocalLauncherConfigTest {

    @Test
    void defaultsRunTwoWorkersWithSixteenQueuedAndHalfSecondProgress() {
        assertThat(LocalLauncherConfig.defaults())
                .isEqualTo(new LocalLauncherConfig(2, 16, Duration.ofMillis(500)));
    }

    @Test
    void rejectsZeroWorkersNamingTheField() {
        assertThatThrownBy(() -> new LocalLauncherConfig(0, 16, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workers");
    }

    @Test
    void rejectsNegativeQueueLengthNamingTheField() {
        assertThatThrownBy(() -> LocalLauncherConfig.defaults().withQueueLength(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queueLength");
    }

    @Test
    void rejectsNonPositiveProgressInterval() {
        assertThatThrownBy(() -> LocalLauncherConfig.defaults().withProgressInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("progressInterval");
    }

    @Test
    void acceptsAnEmptyQueue() {
        assertThat(LocalLauncherConfig.defaults().withQueueLength(0).queueLength()).isZero();
    }
}
