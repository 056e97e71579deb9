/**
 * The optical change detection chain as one process: {@link eu.candela.wps.optical.OpticalChangeDetectionChain},
 * a workflow of Jpeg2Tiff, SplitImage, ChangeDetection (per sub-image, in parallel) and MergeImages.
 */
package eu.candela.wps.optical;
