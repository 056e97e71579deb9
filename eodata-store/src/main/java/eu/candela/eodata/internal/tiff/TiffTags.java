package eu.candela.eodata.internal.tiff;

/** The TIFF, GeoTIFF and GDAL tag numbers, field types and codes used here (TIFF 6.0, BigTIFF, GeoTIFF 1.1). */
public final class TiffTags {
    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int PREDICTOR = 317;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;
    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GEO_DOUBLE_PARAMS = 34736;
    public static final int GEO_ASCII_PARAMS = 34737;
    public static final int GDAL_METADATA = 42112;
    public static final int GDAL_NODATA = 42113;

    public static final int TYPE_BYTE = 1;
    public static final int TYPE_ASCII = 2;
    public static final int TYPE_SHORT = 3;
    public static final int TYPE_LONG = 4;
    public static final int TYPE_RATIONAL = 5;
    public static final int TYPE_SBYTE = 6;
    public static final int TYPE_UNDEFINED = 7;
    public static final int TYPE_SSHORT = 8;
    public static final int TYPE_SLONG = 9;
    public static final int TYPE_SRATIONAL = 10;
    public static final int TYPE_FLOAT = 11;
    public static final int TYPE_DOUBLE = 12;
    public static final int TYPE_IFD = 13;
    public static final int TYPE_LONG8 = 16;
    public static final int TYPE_SLONG8 = 17;
    public static final int TYPE_IFD8 = 18;

    public static final int COMPRESSION_NONE = 1;
    public static final int COMPRESSION_LZW = 5;
    public static final int COMPRESSION_DEFLATE = 8;
    public static final int COMPRESSION_PACKBITS = 32773;
    public static final int COMPRESSION_DEFLATE_OLD = 32946;

    public static final int PREDICTOR_NONE = 1;
    public static final int PREDICTOR_HORIZONTAL = 2;
    public static final int PREDICTOR_FLOATING_POINT = 3;

    private TiffTags() {
    }

    /** Size in bytes of one value of a TIFF field type, or 0 for an unknown type. */
    public static int typeSize(int type) {
        return switch (type) {
            case TYPE_BYTE, TYPE_ASCII, TYPE_SBYTE, TYPE_UNDEFINED -> 1;
            case TYPE_SHORT, TYPE_SSHORT -> 2;
            case TYPE_LONG, TYPE_SLONG, TYPE_FLOAT, TYPE_IFD -> 4;
            case TYPE_RATIONAL, TYPE_SRATIONAL, TYPE_DOUBLE, TYPE_LONG8, TYPE_SLONG8, TYPE_IFD8 -> 8;
            default -> 0;
        };
    }

    /** The name GDAL uses for a compression code, for messages and {@code RasterInfo.compression()}. */
    public static String compressionName(int code) {
        return switch (code) {
            case COMPRESSION_NONE -> "NONE";
            case COMPRESSION_LZW -> "LZW";
            case COMPRESSION_DEFLATE, COMPRESSION_DEFLATE_OLD -> "DEFLATE";
            case COMPRESSION_PACKBITS -> "PACKBITS";
            case 7 -> "JPEG";
            case 50000 -> "ZSTD";
            case 34887 -> "LERC";
            case 50001 -> "WEBP";
            case 34925 -> "LZMA";
            default -> "code " + code;
        };
    }
}
