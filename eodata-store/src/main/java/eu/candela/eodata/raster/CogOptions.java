package eu.candela.eodata.raster;

import java.util.Objects;

/**
 * How a {@link CogWriter} lays out its file.
 *
 * @param tileSize            tile width and height in pixels, a positive multiple of 16 (TIFF requirement)
 * @param compression         tile compression
 * @param overviewResampling  how overviews are computed
 */
public record CogOptions(int tileSize, Compression compression, OverviewResampling overviewResampling) {

    public CogOptions {
        if (tileSize < 16 || tileSize % 16 != 0 || tileSize > 4096) {
            throw new IllegalArgumentException("tileSize must be a multiple of 16 between 16 and 4096, got " + tileSize);
        }
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(overviewResampling, "overviewResampling");
    }

    /** 512 pixel tiles, Deflate, average overviews: what GDAL's COG driver does by default for continuous data. */
    public static CogOptions defaults() {
        return new CogOptions(512, Compression.DEFLATE, OverviewResampling.AVERAGE);
    }

    public CogOptions withTileSize(int newTileSize) {
        return new CogOptions(newTileSize, compression, overviewResampling);
    }

    public CogOptions withCompression(Compression newCompression) {
        return new CogOptions(tileSize, newCompression, overviewResampling);
    }

    public CogOptions withOverviewResampling(OverviewResampling newResampling) {
        return new CogOptions(tileSize, compression, newResampling);
    }
}
