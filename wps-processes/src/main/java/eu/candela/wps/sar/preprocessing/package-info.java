/**
 * SARChangeDetectionPreprocessing: Sentinel-1 GRD pairs to calibrated, speckle-filtered, geocoded
 * sigma0 in dB on one map grid, the input of SAR change detection.
 */
package eu.candela.wps.sar.preprocessing;
