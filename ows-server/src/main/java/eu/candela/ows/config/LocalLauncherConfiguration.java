package eu.candela.ows.config;

import eu.candela.launcher.local.LocalLauncher;
import eu.candela.launcher.local.LocalLauncherConfig;
import eu.candela.launcher.spi.Launcher;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.spi.ProcessRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default ({@code candela.launcher.type=local}, or unset): jobs run in the server on
 * a bounded worker pool, through the same entry point as the processing image's CLI.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "candela.launcher", name = "type", havingValue = "local", matchIfMissing = true)
public class LocalLauncherConfiguration {

    @Bean(destroyMethod = "close")
    Launcher launcher(CandelaProperties properties, ProcessRegistry registry) {
        var l = properties.launcher();
        // the archive the server serves is where eodata: inputs lie for a job run in-process
        ProcessRunner runner = new ProcessRunner(registry, new EoArchive(properties.eodataDir()));
        return new LocalLauncher(new LocalLauncherConfig(l.workers(), l.queueLength(), l.progressInterval()), runner::run);
    }
}
