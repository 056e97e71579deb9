package eu.candela.ows.style;

/**
 * One SLD {@code ColorMapEntry}.
 *
 * @param rgb      colour as 0xRRGGBB
 * @param opacity  0 transparent to 1 opaque
 * @param quantity the sample value this entry stands for
 * @param label    legend label; empty to show the quantity
 */
public record ColorMapEntry(int rgb, double opacity, double quantity, String label) {

    public ColorMapEntry {
        if ((rgb & 0xFF000000) != 0) {
            throw new IllegalArgumentException("colour must be 0xRRGGBB, got 0x" + Integer.toHexString(rgb));
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be between 0 and 1, got " + opacity);
        }
        if (Double.isNaN(quantity)) {
            throw new IllegalArgumentException("quantity must be a number");
        }
        label = label == null ? "" : label;
    }
}
