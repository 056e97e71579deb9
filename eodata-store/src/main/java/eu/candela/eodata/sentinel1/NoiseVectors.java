package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The thermal noise annotation of one polarisation: noise power (in DN^2) to subtract before
 * calibration. Products of IPF 2.9 and later give range vectors ({@code noiseRangeVector}) and,
 * per swath block, azimuth vectors ({@code noiseAzimuthVector}); the noise is their product.
 * Older products give only {@code noiseVector}, the range noise, with no azimuth term. Immutable.
 */
public final class NoiseVectors {

    /** Azimuth noise of one block of the image: a 1-D table over lines, applying to a rectangle of pixels. */
    public record AzimuthBlock(String swath, int firstLine, int lastLine, int firstPixel, int lastPixel, int[] lines, float[] values) {
        public AzimuthBlock {
            lines = lines.clone();
            values = values.clone();
        }

        double valueAt(int line) {
            int i = LineVectorLut.lowerIndex(lines, line);
            if (line <= lines[0] || i + 1 >= lines.length) {
                return values[line <= lines[0] ? 0 : lines.length - 1];
            }
            double t = (line - lines[i]) / (double) (lines[i + 1] - lines[i]);
            return values[i] + t * (values[i + 1] - values[i]);
        }
    }

    private final LineVectorLut range;
    private final List<AzimuthBlock> azimuth;

    NoiseVectors(LineVectorLut range, List<AzimuthBlock> azimuth) {
        this.range = range;
        this.azimuth = List.copyOf(azimuth);
    }

    public LineVectorLut range() {
        return range;
    }

    /** Azimuth blocks; empty for products before IPF 2.9. */
    public List<AzimuthBlock> azimuth() {
        return azimuth;
    }

    /** Noise power of the window (x, y, width, height) into {@code out}, row-major. */
    public void fill(int x, int y, int width, int height, float[] out) {
        range.fill(x, y, width, height, out);
        for (AzimuthBlock b : azimuth) {
            int r0 = Math.max(y, b.firstLine());
            int r1 = Math.min(y + height - 1, b.lastLine());
            int c0 = Math.max(x, b.firstPixel());
            int c1 = Math.min(x + width - 1, b.lastPixel());
            for (int line = r0; line <= r1; line++) {
                float factor = (float) b.valueAt(line);
                int base = (line - y) * width - x;
                for (int pixel = c0; pixel <= c1; pixel++) {
                    out[base + pixel] *= factor;
                }
            }
        }
    }

    static NoiseVectors read(Path file) throws IOException {
        SafeXml xml = SafeXml.parse(file);
        if (!"noise".equals(xml.rootName())) {
            throw new SafeFormatException(file + ": not a Sentinel-1 noise annotation (root element <" + xml.rootName() + ">)");
        }
        Element root = xml.root();
        boolean split = SafeXml.first(root, "noiseRangeVectorList") != null;
        String vectorName = split ? "noiseRangeVector" : "noiseVector";
        String lutName = split ? "noiseRangeLut" : "noiseLut";
        List<LineVectorLut.Vector> vectors = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (Element v : SafeXml.all(root, vectorName)) {
            int line = xml.integer(v, "line");
            double[] pixels = xml.numbers(v, "pixel");
            if (line <= previous || pixels.length == 0) {
                continue;
            }
            previous = line;
            double[] values = xml.numbers(v, lutName);
            if (values.length != pixels.length) {
                throw new SafeFormatException(file + ": noise vector of line " + line + " has " + pixels.length
                        + " pixels but " + values.length + " values");
            }
            vectors.add(new LineVectorLut.Vector(line, CalibrationVectors.toInts(xml, pixels), CalibrationVectors.toFloats(values)));
        }
        if (vectors.isEmpty()) {
            throw new SafeFormatException(file + ": no <" + vectorName + "> with values");
        }
        List<AzimuthBlock> blocks = new ArrayList<>();
        for (Element a : SafeXml.all(root, "noiseAzimuthVector")) {
            double[] lines = xml.numbers(a, "line");
            double[] values = xml.numbers(a, "noiseAzimuthLut");
            if (lines.length == 0 || lines.length != values.length) {
                throw new SafeFormatException(file + ": noise azimuth vector has " + lines.length + " lines and " + values.length + " values");
            }
            String swath = xml.optionalText(a, "swath");
            blocks.add(new AzimuthBlock(swath == null ? "" : swath, xml.integer(a, "firstAzimuthLine"), xml.integer(a, "lastAzimuthLine"),
                    xml.integer(a, "firstRangeSample"), xml.integer(a, "lastRangeSample"),
                    CalibrationVectors.toInts(xml, lines), CalibrationVectors.toFloats(values)));
        }
        try {
            return new NoiseVectors(new LineVectorLut(vectors), blocks);
        } catch (IllegalArgumentException e) {
            throw new SafeFormatException(file + ": " + e.getMessage(), e);
        }
    }
}
