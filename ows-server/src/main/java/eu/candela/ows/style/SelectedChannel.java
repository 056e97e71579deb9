package eu.candela.ows.style;

/**
 * One selected band: SLD {@code SourceChannelName} (1-based band number) with its own optional
 * contrast enhancement.
 *
 * @param band     1-based band number
 * @param contrast this channel's contrast enhancement, null to use the symbolizer's
 */
public record SelectedChannel(int band, ContrastEnhancement contrast) {

    public SelectedChannel {
        if (band < 1) {
            throw new IllegalArgumentException("SourceChannelName must be a band number from 1, got " + band);
        }
    }
}
