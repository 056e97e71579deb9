package eu.candela.ows.eodata;

import eu.candela.ows.config.CandelaProperties;
import eu.candela.wps.samples.SamplePairGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the bundled sample pair into the EO data archive ({@code <data-dir>/eodata/samples}) on
 * first start. The pair is generated, not shipped: the generator is deterministic, so every
 * installation has the same scenes and the same known changes.
 */
@Component
@Order(0)
public class SampleDataInstaller implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SampleDataInstaller.class);
    private final CandelaProperties properties;

    public SampleDataInstaller(CandelaProperties properties) {
        this.properties = properties;
    }

    public Path samplesDir() {
        return properties.eodataDir().resolve("samples");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        var samples = properties.samples();
        Path dir = samplesDir();
        if (!samples.generate() || Files.exists(dir.resolve(SamplePairGenerator.TRUTH_FILE))) return;
        Files.createDirectories(dir);
        LOG.info("Generating the sample pair ({} x {} px) in {}", samples.size(), samples.size(), dir);
        SamplePairGenerator.generate(dir, samples.size(), samples.seed());
    }
}
