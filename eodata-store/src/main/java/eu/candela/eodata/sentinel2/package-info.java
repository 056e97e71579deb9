/**
 * Sentinel-2 Level-1C and Level-2A products in the SAFE layout (PSD 14): product metadata
 * ({@code MTD_MSIL1C.xml} / {@code MTD_MSIL2A.xml}), tile metadata ({@code GRANULE/* /MTD_TL.xml}),
 * the JPEG 2000 band files per resolution, the Level-2A scene classification and the Level-1C
 * classification mask.
 *
 * <pre>{@code
 * Sentinel2Product product = Sentinel2Product.open(safeFolder);
 * GridGeometry grid10 = product.grid(10);                  // from MTD_TL Tile_Geocoding
 * RadiometricScale scale = product.scale(Sentinel2Band.B04);
 * try (Jp2Reader b04 = Jp2Reader.open(product.bandFile(Sentinel2Band.B04))) {
 *     int[] dn = b04.read(x, y, w, h, 0);
 *     float reflectance = scale.reflectance(dn[0]);         // (DN + offset) / quantification, NaN for DN 0
 * }
 * }</pre>
 *
 * <p>XML is parsed with DTDs and external entities refused. Malformed or incomplete products
 * raise {@link eu.candela.eodata.raster.RasterFormatException} naming the file and element.
 */
package eu.candela.eodata.sentinel2;
