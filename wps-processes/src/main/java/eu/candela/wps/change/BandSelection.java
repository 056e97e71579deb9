package eu.candela.wps.change;

import eu.candela.wps.spi.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Parses the {@code bands} input: a comma-separated list of distinct 1-based band numbers. */
final class BandSelection {

    private BandSelection() {
    }

    /**
     * @param text      the input, or {@code null} / blank for all bands
     * @param bandCount bands in the scenes
     * @return 0-based band indices in the order given
     */
    static int[] parse(String text, int bandCount, String inputId) {
        if (text == null || text.isBlank()) {
            int[] all = new int[bandCount];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Set<Integer> bands = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            int band;
            try {
                band = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(inputId, "'" + part.trim() + "' is not a band number; expected a list such as 1,2,3");
            }
            if (band < 1 || band > bandCount) {
                throw new InvalidInputException(inputId, "band " + band + " does not exist; the scenes have bands 1 to " + bandCount);
            }
            if (!bands.add(band)) {
                throw new InvalidInputException(inputId, "band " + band + " is listed twice");
            }
        }
        return bands.stream().mapToInt(b -> b - 1).toArray();
    }
}
