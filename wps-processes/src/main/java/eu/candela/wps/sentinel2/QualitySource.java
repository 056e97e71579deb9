package eu.candela.wps.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.jpeg2000.Jp2Reader;
import eu.candela.eodata.sentinel2.CloudMaskGml;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.eodata.sentinel2.Sentinel2Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@link Quality} of each 10 m pixel of a window, from whichever mask the product has: the
 * scene classification (Level-2A, 20 m), the classification mask (Level-1C from baseline 04.00,
 * 60 m) or the GML cloud mask (Level-1C before 04.00). Coarser masks are read by nearest
 * neighbour: a 10 m pixel takes the class of the mask pixel that contains it. Returned values are
 * {@link Quality#CLEAR} or a mask class; no data in the bands is applied by the caller.
 */
interface QualitySource extends AutoCloseable {

    int[] quality(int x, int y, int width, int height) throws IOException;

    /** A short description for the job log. */
    String describe();

    @Override
    void close() throws IOException;

    static QualitySource of(Sentinel2Product product) throws IOException {
        if (product.level() == ProcessingLevel.LEVEL_2A) {
            return new SceneClass(product.sceneClassificationFile());
        }
        Optional<Path> classi = product.classificationMask();
        if (classi.isPresent()) {
            return new ClassificationMask(classi.get());
        }
        Optional<Path> gml = product.cloudMaskGml();
        if (gml.isPresent()) {
            return new GmlClouds(CloudMaskGml.read(gml.get()), product.grid(10));
        }
        return new NoMask();
    }

    /** Nearest-neighbour upsampling of a mask at {@code factor} times the 10 m pixel size. */
    static int[] upsample(Jp2Reader mask, int band, int factor, int x, int y, int width, int height) throws IOException {
        int i0 = x / factor, j0 = y / factor;
        int i1 = (x + width - 1) / factor, j1 = (y + height - 1) / factor;
        int mw = i1 - i0 + 1;
        int[] coarse = mask.read(i0, j0, mw, j1 - j0 + 1, band);
        int[] fine = new int[width * height];
        for (int r = 0; r < height; r++) {
            int row = ((y + r) / factor - j0) * mw;
            for (int c = 0; c < width; c++) {
                fine[r * width + c] = coarse[row + (x + c) / factor - i0];
            }
        }
        return fine;
    }

    final class SceneClass implements QualitySource {
        private final Jp2Reader scl;

        SceneClass(Path file) throws IOException {
            this.scl = Jp2Reader.open(file);
        }

        @Override
        public int[] quality(int x, int y, int width, int height) throws IOException {
            int[] q = upsample(scl, 0, 2, x, y, width, height);
            for (int i = 0; i < q.length; i++) q[i] = Quality.fromSceneClass(q[i]);
            return q;
        }

        @Override
        public String describe() { return "scene classification (SCL, 20 m)"; }

        @Override
        public void close() throws IOException { scl.close(); }
    }

    final class ClassificationMask implements QualitySource {
        private final Jp2Reader mask;

        ClassificationMask(Path file) throws IOException {
            this.mask = Jp2Reader.open(file);
        }

        @Override
        public int[] quality(int x, int y, int width, int height) throws IOException {
            int[] opaque = upsample(mask, 0, 6, x, y, width, height);
            int[] cirrus = mask.bandCount() > 1 ? upsample(mask, 1, 6, x, y, width, height) : new int[opaque.length];
            int[] snow = mask.bandCount() > 2 ? upsample(mask, 2, 6, x, y, width, height) : new int[opaque.length];
            for (int i = 0; i < opaque.length; i++) opaque[i] = Quality.fromClassificationMask(opaque[i], cirrus[i], snow[i]);
            return opaque;
        }

        @Override
        public String describe() { return "classification mask (MSK_CLASSI_B00, 60 m)"; }

        @Override
        public void close() throws IOException { mask.close(); }
    }

    final class GmlClouds implements QualitySource {
        private final CloudMaskGml clouds;
        private final GridGeometry grid10;

        GmlClouds(CloudMaskGml clouds, GridGeometry grid10) {
            this.clouds = clouds;
            this.grid10 = grid10;
        }

        @Override
        public int[] quality(int x, int y, int width, int height) {
            int[] q = clouds.rasterize(grid10, x, y, width, height);
            for (int i = 0; i < q.length; i++) q[i] = q[i] == 1 ? Quality.CLOUD : Quality.CLEAR;
            return q;
        }

        @Override
        public String describe() { return "GML cloud mask (MSK_CLOUDS_B00, " + clouds.featureCount() + " polygons)"; }

        @Override
        public void close() {
        }
    }

    /** A product without any cloud mask: every pixel with data is clear. */
    final class NoMask implements QualitySource {
        @Override
        public int[] quality(int x, int y, int width, int height) {
            int[] q = new int[width * height];
            java.util.Arrays.fill(q, Quality.CLEAR);
            return q;
        }

        @Override
        public String describe() { return "no cloud mask in the product: pixels with data are marked clear"; }

        @Override
        public void close() {
        }
    }
}
