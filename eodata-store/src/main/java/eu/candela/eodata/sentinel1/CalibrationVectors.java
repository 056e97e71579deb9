package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The calibration annotation of one polarisation: sigma0, beta0, gamma0 and DN look-up tables,
 * vectors per line at pixel positions. Calibrated value = |DN|^2 / A^2 with A interpolated per pixel.
 * Immutable.
 */
public final class CalibrationVectors {
    private final Map<CalibrationType, LineVectorLut> tables;

    CalibrationVectors(Map<CalibrationType, LineVectorLut> tables) {
        this.tables = Map.copyOf(tables);
    }

    /** The look-up table of {@code type}. */
    public LineVectorLut lut(CalibrationType type) {
        return tables.get(type);
    }

    static CalibrationVectors read(Path file) throws IOException {
        SafeXml xml = SafeXml.parse(file);
        if (!"calibration".equals(xml.rootName())) {
            throw new SafeFormatException(file + ": not a Sentinel-1 calibration annotation (root element <" + xml.rootName() + ">)");
        }
        Map<CalibrationType, List<LineVectorLut.Vector>> vectors = new EnumMap<>(CalibrationType.class);
        for (CalibrationType t : CalibrationType.values()) {
            vectors.put(t, new ArrayList<>());
        }
        int previousLine = Integer.MIN_VALUE;
        for (Element v : SafeXml.all(xml.required(xml.root(), "calibrationVectorList"), "calibrationVector")) {
            int line = xml.integer(v, "line");
            if (line <= previousLine) {
                continue; // a repeated line adds nothing; tables need increasing lines
            }
            previousLine = line;
            int[] pixels = toInts(xml, xml.numbers(v, "pixel"));
            for (CalibrationType t : CalibrationType.values()) {
                double[] values = xml.numbers(v, t.element());
                if (values.length != pixels.length) {
                    throw new SafeFormatException(file + ": calibration vector of line " + line + " has " + pixels.length
                            + " pixels but " + values.length + " " + t.element() + " values");
                }
                for (double a : values) {
                    if (a <= 0) {
                        throw new SafeFormatException(file + ": " + t.element() + " of line " + line + " holds " + a + ", not positive");
                    }
                }
                vectors.get(t).add(new LineVectorLut.Vector(line, pixels, toFloats(values)));
            }
        }
        if (vectors.get(CalibrationType.SIGMA0).isEmpty()) {
            throw new SafeFormatException(file + ": no <calibrationVector>");
        }
        Map<CalibrationType, LineVectorLut> tables = new EnumMap<>(CalibrationType.class);
        try {
            vectors.forEach((t, list) -> tables.put(t, new LineVectorLut(list)));
        } catch (IllegalArgumentException e) {
            throw new SafeFormatException(file + ": " + e.getMessage(), e);
        }
        return new CalibrationVectors(tables);
    }

    static int[] toInts(SafeXml xml, double[] values) throws SafeFormatException {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) Math.round(values[i]);
            if (i > 0 && ints[i] <= ints[i - 1]) {
                throw new SafeFormatException(xml.file() + ": pixel positions must increase, got " + ints[i - 1] + " then " + ints[i]);
            }
        }
        return ints;
    }

    static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
