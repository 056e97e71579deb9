package eu.candela.ows.config;

import eu.candela.launcher.spi.Launcher;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} reports DOWN when the launcher can no longer run or follow jobs. */
@Component
public class LauncherHealthIndicator implements HealthIndicator {
    private final Launcher launcher;

    public LauncherHealthIndicator(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Health health() {
        Health.Builder health = launcher.isHealthy() ? Health.up() : Health.down();
        return health.withDetail("activeJobs", launcher.activeJobs().size())
                .withDetail("type", launcher.getClass().getSimpleName()).build();
    }
}
