/**
 * TIFF / GeoTIFF encoding internals behind {@link eu.candela.eodata.raster.GeoTiffReader} and
 * {@link eu.candela.eodata.raster.CogWriter}. Not an API: names and signatures change freely.
 */
package eu.candela.eodata.internal.tiff;
