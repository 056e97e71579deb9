/**
 * Optical change detection between two co-registered multispectral scenes:
 * {@link eu.candela.wps.change.ChangeDetection} (IR-MAD, Nielsen 2007), computed block by block.
 */
package eu.candela.wps.change;
