/**
 * GeoTIFF and Cloud-Optimized GeoTIFF I/O by blocks, so memory stays flat whatever the scene size.
 *
 * <pre>{@code
 * try (GeoTiffReader before = GeoTiffReader.open(beforePath);
 *      CogWriter out = CogWriter.create(target, before.info().spec().withBandCount(1)
 *              .withSampleType(SampleType.FLOAT32).withNodata(-9999.0), CogOptions.defaults())) {
 *     RasterInfo info = before.info();
 *     for (BlockGrid.Window w : BlockGrid.of(info.width(), info.height(), out.tileSize())) {
 *         RasterBlock in = before.read(w.x(), w.y(), w.width(), w.height());
 *         RasterBlock result = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
 *         // ... compute result.band(0) from in.band(b), skipping in.get(b, c, r) == nodata
 *         out.write(result);
 *     }
 * }   // close() builds overviews and publishes the COG atomically
 * }</pre>
 *
 * <p>Errors: {@link eu.candela.eodata.raster.RasterFormatException} for bad file content (with
 * {@link eu.candela.eodata.raster.UnsupportedRasterException} for valid TIFF features not implemented),
 * plain {@link java.io.IOException} for I/O failures, {@link java.lang.IllegalArgumentException} for
 * caller mistakes such as a window outside the raster or a block that is not a tile.
 */
package eu.candela.eodata.raster;
