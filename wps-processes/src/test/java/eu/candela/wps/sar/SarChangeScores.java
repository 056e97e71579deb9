package eu.candela.wps.sar;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import java.io.IOException;
import java.nio.file.Path;

/** F1 per change class of a change map against a truth map with the same codes (0, 1, 2, 255 no data). */
record SarChangeScores(long[][] confusion) {

    /** {@code confusion[truth][predicted]} over pixels valid in both. */
    static SarChangeScores of(Path map, Path truth) throws IOException {
        long[][] confusion = new long[3][3];
        try (GeoTiffReader m = GeoTiffReader.open(map); GeoTiffReader t = GeoTiffReader.open(truth)) {
            for (BlockGrid.Window w : BlockGrid.of(m.info().width(), m.info().height(), 512)) {
                RasterBlock mb = m.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock tb = t.read(w.x(), w.y(), w.width(), w.height());
                for (int i = 0; i < mb.band(0).length; i++) {
                    int p = (int) mb.band(0)[i];
                    int q = (int) tb.band(0)[i];
                    if (p < 3 && q < 3) confusion[q][p]++;
                }
            }
        }
        return new SarChangeScores(confusion);
    }

    double f1(int code) {
        long tp = confusion[code][code];
        long predicted = confusion[0][code] + confusion[1][code] + confusion[2][code];
        long actual = confusion[code][0] + confusion[code][1] + confusion[code][2];
        return predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "F1 increase %.3f, decrease %.3f; confusion %s", f1(1), f1(2),
                java.util.Arrays.deepToString(confusion));
    }
}
