/**
 * Cutting scene pairs into overlapping sub-images ({@link eu.candela.wps.subimage.SplitImage}) and
 * mosaicking per-sub-image results back into one seamless map ({@link eu.candela.wps.subimage.MergeImages}),
 * so a full Sentinel-2 tile is processed as many small, parallel jobs.
 */
package eu.candela.wps.subimage;
