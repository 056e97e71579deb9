/**
 * Grid geometry: raster size, GDAL-order affine geotransform and EPSG code, with CRS lookup and
 * coordinate conversions through Apache SIS.
 */
package eu.candela.eodata.grid;
