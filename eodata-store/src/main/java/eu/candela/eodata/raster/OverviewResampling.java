package eu.candela.eodata.raster;

/** How the COG writer reduces a level to the next overview. */
public enum OverviewResampling {
    /** Mean of the valid (non-nodata) pixels of each 2x2 cell: for continuous data. */
    AVERAGE,
    /** The upper-left pixel of each 2x2 cell: for masks and class maps, where a mean has no meaning. */
    NEAREST
}
