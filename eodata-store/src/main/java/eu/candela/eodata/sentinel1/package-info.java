/**
 * Sentinel-1 level-1 GRD products in the SAFE layout: the manifest, per polarisation the product
 * annotation (image size, spacing, times, geolocation grid), the calibration and thermal-noise
 * look-up tables, and the measurement GeoTIFF read by windows; radiometric calibration with noise
 * removal; and a writer of measurement files for generated test products. Entry point:
 * {@link eu.candela.eodata.sentinel1.Sentinel1Product}.
 */
package eu.candela.eodata.sentinel1;
