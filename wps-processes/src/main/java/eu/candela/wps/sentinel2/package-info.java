/**
 * Sentinel-2 processes: {@link eu.candela.wps.sentinel2.Jpeg2Tiff} turns a Level-1C or Level-2A
 * SAFE product into one analysis-ready COG (ten reflectance bands on the 10 m grid and a
 * {@link eu.candela.wps.sentinel2.Quality} band), the input of the optical change detection chain.
 */
package eu.candela.wps.sentinel2;
