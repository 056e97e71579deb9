package eu.candela.ows.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the server, bound once at start-up from {@code candela.*} (application.yml,
 * environment, command line). The defaults run the embedded mode: local launcher, H2 job store
 * and sample data in {@code ./data}.
 *
 * @param dataDir   the data directory: job store, job directories, EO data served at /eodata
 * @param publicUrl the base URL clients reach the server at; empty to take it from each request
 * @param launcher  local worker pool
 * @param wps       WPS front limits
 * @param inputs    the reference policy for Execute inputs
 * @param samples   generation of the bundled sample pair
 * @param demo      the end-to-end demo run at start-up
 */
@ConfigurationProperties(prefix = "candela")
public record CandelaProperties(@DefaultValue("./data") Path dataDir,
                                @DefaultValue("") String publicUrl,
                                @DefaultValue Launcher launcher,
                                @DefaultValue Wps wps,
                                @DefaultValue Inputs inputs,
                                @DefaultValue Samples samples,
                                @DefaultValue Demo demo) {

    public CandelaProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path jobsDir() { return dataDir.resolve("jobs"); }

    public Path eodataDir() { return dataDir.resolve("eodata"); }

    public record Launcher(@DefaultValue("2") int workers, @DefaultValue("16") int queueLength,
                           @DefaultValue("500ms") Duration progressInterval) {
        public Launcher {
            if (workers < 1) throw new IllegalArgumentException("candela.launcher.workers must be at least 1: " + workers);
            if (queueLength < 0) throw new IllegalArgumentException("candela.launcher.queue-length must be >= 0: " + queueLength);
        }
    }

    public record Wps(@DefaultValue("1h") Duration syncTimeout,
                      @DefaultValue("256MB") DataSize maxRequestSize,
                      @DefaultValue("64MB") DataSize maxInlineOutputSize) {
        public Wps {
            if (maxRequestSize.toBytes() < 1024) throw new IllegalArgumentException("candela.wps.max-request-size is too small: " + maxRequestSize);
        }
    }

    public record Inputs(@DefaultValue({"http", "https"}) List<String> allowedSchemes,
                         @DefaultValue({}) List<String> allowedHosts,
                         @DefaultValue("false") boolean allowPrivateNetworks,
                         @DefaultValue("2GB") DataSize maxSize,
                         @DefaultValue("30s") Duration timeout,
                         @DefaultValue("3") int maxRedirects) {}

    public record Samples(@DefaultValue("true") boolean generate, @DefaultValue("512") int size,
                          @DefaultValue("20170419") long seed) {}

    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean exitAfter) {}
}
