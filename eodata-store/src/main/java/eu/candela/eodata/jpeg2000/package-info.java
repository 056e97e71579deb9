/**
 * JPEG 2000 (JP2 and raw codestream) decoding by tiles and lossless encoding, on the JJ2000 codec
 * of {@code com.github.jai-imageio:jai-imageio-jpeg2000} (licence in NOTICE).
 *
 * <p>{@link eu.candela.eodata.jpeg2000.Jp2Reader} reads windows of one component, decoding only the
 * codestream tiles a window touches and keeping about one row of decoded tiles, so a 10980 x 10980
 * Sentinel-2 band is never one array. It finds the codestream itself instead of letting JJ2000 parse
 * the JP2 boxes, because JJ2000 refuses any box with an extended (64-bit) length, which ESA's
 * GMLJP2 {@code asoc} box has ("File too long"). The files carry no geocoding we use: take it
 * from the product's metadata.
 *
 * <p>{@link eu.candela.eodata.jpeg2000.Jp2Writer} writes tiled, lossless (reversible 5/3 wavelet)
 * JP2 files from a source computed tile by tile.
 */
package eu.candela.eodata.jpeg2000;
