package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.SampleType;
import eu.candela.eodata.raster.UnsupportedRasterException;

/** Every sample encoding the reader decodes: a BitsPerSample / SampleFormat pair. */
public enum SampleKind {
    UINT8(1, false), INT8(1, false), UINT16(2, false), INT16(2, false),
    UINT32(4, false), INT32(4, false), FLOAT32(4, true), FLOAT64(8, true);

    private final int bytes;
    private final boolean floatingPoint;

    SampleKind(int bytes, boolean floatingPoint) {
        this.bytes = bytes;
        this.floatingPoint = floatingPoint;
    }

    public int bytes() { return bytes; }

    public boolean isFloatingPoint() { return floatingPoint; }

    public static SampleKind of(SampleType type) {
        return switch (type) {
            case UINT8 -> UINT8;
            case UINT16 -> UINT16;
            case INT16 -> INT16;
            case FLOAT32 -> FLOAT32;
        };
    }

    /** From TIFF BitsPerSample and SampleFormat (1 unsigned, 2 signed, 3 float; 4 "undefined" read as unsigned). */
    public static SampleKind fromTiff(int bitsPerSample, int sampleFormat) throws UnsupportedRasterException {
        int format = sampleFormat == 4 ? 1 : sampleFormat;
        SampleKind kind = switch (bitsPerSample * 10 + format) {
            case 81 -> UINT8;
            case 82 -> INT8;
            case 161 -> UINT16;
            case 162 -> INT16;
            case 321 -> UINT32;
            case 322 -> INT32;
            case 323 -> FLOAT32;
            case 643 -> FLOAT64;
            default -> null;
        };
        if (kind == null) {
            throw new UnsupportedRasterException("unsupported sample type: BitsPerSample=" + bitsPerSample
                    + ", SampleFormat=" + sampleFormat + " (supported: 8/16/32-bit integers, 32/64-bit floats)");
        }
        return kind;
    }

    /**
     * The {@link SampleType} a reader reports. Kinds without a constant report the type that holds
     * their values best: INT8 as INT16 (exact), the 32/64-bit kinds as FLOAT32 (what they are delivered as).
     */
    public SampleType reportedType() {
        return switch (this) {
            case UINT8 -> SampleType.UINT8;
            case UINT16 -> SampleType.UINT16;
            case INT8, INT16 -> SampleType.INT16;
            default -> SampleType.FLOAT32;
        };
    }

    /**
     * The value as it will be stored: integers rounded to nearest (half away from zero, as GDAL) and clamped to the type's range,
     * NaN stored as 0 (integers have no NaN); floats unchanged.
     */
    public float toStored(float value) {
        if (floatingPoint) {
            return value;
        }
        if (Float.isNaN(value)) {
            return 0;
        }
        double rounded = Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
        return (float) Math.max(min(), Math.min(max(), rounded));
    }

    private double min() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> 0;
        };
    }

    private double max() {
        return switch (this) {
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case UINT16 -> 65535;
            case INT16 -> Short.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT32 -> Integer.MAX_VALUE;
            default -> Double.MAX_VALUE;
        };
    }
}
