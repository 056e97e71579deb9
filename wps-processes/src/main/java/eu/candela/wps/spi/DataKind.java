package eu.candela.wps.spi;

/** The three kinds of WPS data: a literal value, a complex document (raster, GeoJSON ...), or a bounding box. */
public enum DataKind { LITERAL, COMPLEX, BOUNDING_BOX }
