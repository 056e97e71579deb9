package eu.candela.ows.eodata;

import eu.candela.ows.config.CandelaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies the default data directory (the {@code geoserver-data-dir} folder, packaged as
 * {@code datadir-template/}) into {@code candela.data-dir} on start, file by file, never
 * overwriting what an operator changed.
 *
 * <p>It copies while the bean is initialised, not in an {@code ApplicationRunner}, because runners
 * run after every bean is built and the catalogue bean must already find the default styles: beans
 * that read the data directory take this bean as a dependency.
 */
@Component
public class DataDirectoryInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryInitializer.class);
    private static final String TEMPLATE = "datadir-template/";
    private final Path dataDir;

    public DataDirectoryInitializer(CandelaProperties properties) {
        this.dataDir = properties.dataDir();
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        int copied = 0;
        for (String name : index()) {
            Path target = dataDir.resolve(name).normalize();
            if (!target.startsWith(dataDir) || Files.exists(target)) continue;
            try (InputStream in = resource(name)) {
                if (in == null) throw new IllegalStateException("data directory template lacks " + name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                copied++;
            } catch (FileSystemException e) {
                // a part mounted read-only (the EO archive in a cluster) keeps what the operator put there
                LOG.warn("data directory default {} not copied: {} is not writable ({})", name, target.getParent(), e.toString());
            }
        }
        if (copied > 0) LOG.info("Initialised data directory {} ({} files from the default)", dataDir, copied);
    }

    private static String[] index() throws IOException {
        try (InputStream in = resource("index.txt")) {
            if (in == null) return new String[0];
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty()).toArray(String[]::new);
        }
    }

    private static InputStream resource(String name) {
        return DataDirectoryInitializer.class.getClassLoader().getResourceAsStream(TEMPLATE + name);
    }
}
