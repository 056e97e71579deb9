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
 * @param maps      map publishing: WMS / WMTS limits, automatic publishing of results, tile cache, preview
 */
@ConfigurationProperties(prefix = "candela")
public record CandelaProperties(@DefaultValue("./data") Path dataDir,
                                @DefaultValue("") String publicUrl,
                                @DefaultValue Launcher launcher,
                                @DefaultValue Wps wps,
                                @DefaultValue Inputs inputs,
                                @DefaultValue Samples samples,
                                @DefaultValue Demo demo,
                                @DefaultValue Maps maps) {

    public CandelaProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path jobsDir() { return dataDir.resolve("jobs"); }

    public Path eodataDir() { return dataDir.resolve("eodata"); }

    /** Where the layer catalogue lives: workspaces, stores, layers, styles (GeoServer's data directory layout). */
    public Path catalogDir() { return dataDir; }

    /** The WMTS disk tile cache. */
    public Path tileCacheDir() { return dataDir.resolve("gwc"); }

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

    /**
     * @param maxWidth         largest WMS GetMap / GetLegendGraphic width in pixels
     * @param maxHeight        largest height in pixels
     * @param publishResults   publish every GeoTIFF output of a successful job as a layer
     * @param resultsWorkspace the workspace results are published in
     * @param tileCache        keep rendered WMTS tiles on disk under {@code data-dir/gwc}
     * @param maxUploadSize    largest GeoTIFF accepted by a REST upload
     * @param blockCacheSize   memory for decoded raster blocks shared by all maps
     * @param basemapUrl       XYZ tile URL template of the layer preview's base map; empty for none
     * @param basemapAttribution attribution shown for the base map
     */
    public record Maps(@DefaultValue("8192") int maxWidth,
                       @DefaultValue("8192") int maxHeight,
                       @DefaultValue("true") boolean publishResults,
                       @DefaultValue("results") String resultsWorkspace,
                       @DefaultValue("true") boolean tileCache,
                       @DefaultValue("4GB") DataSize maxUploadSize,
                       @DefaultValue("256MB") DataSize blockCacheSize,
                       @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String basemapUrl,
                       @DefaultValue("&copy; OpenStreetMap contributors") String basemapAttribution) {
        public Maps {
            if (maxWidth < 1 || maxHeight < 1) {
                throw new IllegalArgumentException("candela.maps.max-width and max-height must be at least 1: " + maxWidth + "x" + maxHeight);
            }
        }
    }
}
