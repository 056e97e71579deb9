package eu.candela.ows.render;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What the renderer tests that read both {@link GeneratedCoverages} share: the big coverage (written
 * once per JVM), a fresh nodata coverage in the class's temporary directory, and a renderer with a
 * 16 MB tile cache, closed after the class.
 */
abstract class RendererTestBase {
    @TempDir
    static Path dir;
    static Path big;
    static Path small;
    static CoverageMapRenderer renderer;

    @BeforeAll
    static void generate() throws Exception {
        big = GeneratedCoverages.sharedBig();
        small = GeneratedCoverages.withNodata(dir.resolve("nodata.tif"));
        renderer = new CoverageMapRenderer(16L << 20);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }
}
