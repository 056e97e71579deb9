package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real ESA metadata beside the project ({@code ../shared/data/safe}, see its README), when present. */
final class RealSafeProducts {
    static final String IPF_331 = "S1A_IW_GRDH_1SDV_20210809T173953_20210809T174018_039156_049F13_6FF8.SAFE";
    static final String IPF_236 = "S1A_IW_GRDH_1SDV_20150203T043109_20150203T043134_004454_00574F_FEC3.SAFE";

    private RealSafeProducts() {
    }

    /** The product folder, found by walking up from the working directory to the project root. */
    static Optional<Path> find(String product) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isProjectRoot(p)) {
                Path dir = p.resolveSibling("shared").resolve("data").resolve("safe").resolve(product);
                return Files.isRegularFile(dir.resolve("manifest.safe")) ? Optional.of(dir) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isProjectRoot(Path dir) {
        try {
            return Files.isRegularFile(dir.resolve("pom.xml")) && Files.readString(dir.resolve("pom.xml")).contains("<module>eodata-store</module>");
        } catch (IOException e) {
            return false;
        }
    }
}
