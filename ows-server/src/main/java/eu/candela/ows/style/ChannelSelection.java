package eu.candela.ows.style;

/**
 * SLD {@code ChannelSelection}: either one grey channel or the three RGB channels, or nothing
 * selected (all null), which lets the renderer choose from the raster's band count.
 */
public record ChannelSelection(SelectedChannel gray, SelectedChannel red, SelectedChannel green, SelectedChannel blue) {

    public static final ChannelSelection DEFAULT = new ChannelSelection(null, null, null, null);

    public ChannelSelection {
        boolean anyRgb = red != null || green != null || blue != null;
        boolean allRgb = red != null && green != null && blue != null;
        if (anyRgb && !allRgb) {
            throw new IllegalArgumentException("RGB channel selection needs all three of red, green and blue");
        }
        if (gray != null && anyRgb) {
            throw new IllegalArgumentException("a channel selection is either grey or RGB, not both");
        }
    }

    public static ChannelSelection gray(int band) {
        return new ChannelSelection(new SelectedChannel(band, null), null, null, null);
    }

    public static ChannelSelection rgb(int red, int green, int blue) {
        return new ChannelSelection(null, new SelectedChannel(red, null), new SelectedChannel(green, null),
                new SelectedChannel(blue, null));
    }

    public boolean isRgb() { return red != null; }

    public boolean isDefault() { return gray == null && red == null; }
}
