/**
 * Seeded synthetic test data: {@link eu.candela.wps.samples.SamplePairGenerator} writes a realistic
 * bi-temporal Sentinel-2-like pair near Bordeaux with its reference change map, at any size, in
 * constant memory.
 */
package eu.candela.wps.samples;
