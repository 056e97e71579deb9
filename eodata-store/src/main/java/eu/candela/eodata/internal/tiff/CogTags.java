package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterSpec;
import java.util.Arrays;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;

/** The tags of each COG IFD, as GDAL's COG driver writes them (less the tile offsets, added at assembly). */
public final class CogTags {
    private final RasterSpec spec;
    private final TileCodec codec;
    private final boolean geographic;
    private final String citation;

    /**
     * @throws eu.candela.eodata.grid.UnknownCrsException when SIS cannot resolve the EPSG code
     * @throws IllegalArgumentException when the CRS is neither geographic 2D nor projected
     */
    public CogTags(RasterSpec spec, TileCodec codec) {
        this.spec = spec;
        this.codec = codec;
        CoordinateReferenceSystem crs = spec.grid().crs();
        if (crs instanceof GeographicCRS && crs.getCoordinateSystem().getDimension() == 2) {
            geographic = true;
        } else if (crs instanceof ProjectedCRS) {
            geographic = false;
        } else {
            throw new IllegalArgumentException("EPSG:" + spec.grid().epsg() + " is neither a 2D geographic nor a projected CRS;"
                    + " GeoTIFF keys cannot describe it by code");
        }
        if (spec.grid().epsg() > 0xFFFF) {
            throw new IllegalArgumentException("EPSG:" + spec.grid().epsg() + " does not fit a GeoTIFF key (at most 65535)");
        }
        // GeoAsciiParams counts characters: keep the citation ASCII so characters and bytes agree.
        citation = crs.getName().getCode().replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** Tags of the full-resolution IFD: image structure plus georeferencing, nodata and metadata. */
    public IfdBuilder fullResolution() {
        IfdBuilder ifd = structure(spec.width(), spec.height(), false);
        georeference(ifd, spec.grid());
        String metadata = GdalTags.formatMetadata(spec.metadata(), spec.bandDescriptions());
        if (metadata != null) {
            ifd.ascii(TiffTags.GDAL_METADATA, metadata);
        }
        return ifd;
    }

    /** Tags of an overview IFD. */
    public IfdBuilder overview(int width, int height) {
        return structure(width, height, true);
    }

    private IfdBuilder structure(int width, int height, boolean overview) {
        int bands = spec.bandCount();
        BlockFormat f = codec.format();
        IfdBuilder ifd = new IfdBuilder();
        if (overview) {
            ifd.longs(TiffTags.NEW_SUBFILE_TYPE, 1);
        }
        ifd.shortOrLong(TiffTags.IMAGE_WIDTH, width)
                .shortOrLong(TiffTags.IMAGE_LENGTH, height)
                .shorts(TiffTags.BITS_PER_SAMPLE, repeat(bands, spec.sampleType().bitsPerSample()))
                .shorts(TiffTags.COMPRESSION, f.compression())
                .shorts(TiffTags.PHOTOMETRIC, 1)
                .shorts(TiffTags.SAMPLES_PER_PIXEL, bands)
                .shorts(TiffTags.PLANAR_CONFIGURATION, 1)
                .shortOrLong(TiffTags.TILE_WIDTH, codec.tileSize())
                .shortOrLong(TiffTags.TILE_LENGTH, codec.tileSize())
                .shorts(TiffTags.SAMPLE_FORMAT, repeat(bands, spec.sampleType().tiffSampleFormat()));
        if (f.predictor() != TiffTags.PREDICTOR_NONE) {
            ifd.shorts(TiffTags.PREDICTOR, f.predictor());
        }
        if (bands > 1) {
            ifd.shorts(TiffTags.EXTRA_SAMPLES, new int[bands - 1]); // 0 = unspecified, as GDAL for non-RGB bands
        }
        if (spec.nodata() != null) {
            ifd.ascii(TiffTags.GDAL_NODATA, GdalTags.formatNodata(spec.nodata()));
        }
        return ifd;
    }

    private void georeference(IfdBuilder ifd, GridGeometry grid) {
        double[] gt = grid.geoTransform();
        if (gt[2] == 0 && gt[4] == 0 && gt[5] < 0) {
            ifd.doubles(TiffTags.MODEL_PIXEL_SCALE, gt[1], -gt[5], 0);
            ifd.doubles(TiffTags.MODEL_TIEPOINT, 0, 0, 0, gt[0], gt[3], 0);
        } else {
            ifd.doubles(TiffTags.MODEL_TRANSFORMATION,
                    gt[1], gt[2], 0, gt[0],
                    gt[4], gt[5], 0, gt[3],
                    0, 0, 0, 0,
                    0, 0, 0, 1);
        }
        String ascii = citation.replace('|', '/') + "|";
        int citationKey = geographic ? GeoKeys.GEOG_CITATION : GeoKeys.GT_CITATION;
        int crsKey = geographic ? GeoKeys.GEOGRAPHIC_TYPE : GeoKeys.PROJECTED_CS_TYPE;
        int[][] keys = {
            {GeoKeys.GT_MODEL_TYPE, 0, 1, geographic ? GeoKeys.MODEL_TYPE_GEOGRAPHIC : GeoKeys.MODEL_TYPE_PROJECTED},
            {GeoKeys.GT_RASTER_TYPE, 0, 1, GeoKeys.RASTER_PIXEL_IS_AREA},
            {citationKey, TiffTags.GEO_ASCII_PARAMS, ascii.length(), 0},
            {crsKey, 0, 1, grid.epsg()},
        };
        Arrays.sort(keys, (a, b) -> Integer.compare(a[0], b[0])); // GeoTIFF requires keys in ascending order
        int[] directory = new int[4 + 4 * keys.length];
        directory[0] = 1;
        directory[1] = 1;
        directory[2] = 0;
        directory[3] = keys.length;
        for (int k = 0; k < keys.length; k++) {
            System.arraycopy(keys[k], 0, directory, 4 + 4 * k, 4);
        }
        ifd.shorts(TiffTags.GEO_KEY_DIRECTORY, directory);
        ifd.ascii(TiffTags.GEO_ASCII_PARAMS, ascii);
    }

    private static int[] repeat(int count, int value) {
        int[] values = new int[count];
        Arrays.fill(values, value);
        return values;
    }
}
