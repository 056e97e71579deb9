package eu.candela.eodata.raster;

/** Tile compression the COG writer can produce. */
public enum Compression {
    NONE, DEFLATE
}
