package eu.candela.ows.publish;

import eu.candela.eodata.raster.SampleType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultStyleChoiceTest {
    private static final Set<String> DEFAULTS = Set.of("raster", "change_probability", "change_mask", "rgb_reflectance", "sar_db");

    private static String choose(String hint, int bands, SampleType type, List<String> descriptions, double min, double max) {
        return DefaultStyleChoice.choose(hint, new RasterContent(bands, type, descriptions, min, max), DEFAULTS::contains);
    }

    @Test
    void theProcessHintWinsWhenTheStyleExists() {
        assertThat(choose("sar_db", 1, SampleType.FLOAT32, List.of(), 0, 1)).isEqualTo("sar_db");
    }

    @Test
    void anUnknownHintFallsBackToTheContent() {
        assertThat(choose("no_such_style", 1, SampleType.FLOAT32, List.of(), 0, 1)).isEqualTo("change_probability");
    }

    @Test
    void aFloatBandInTheUnitRangeIsAProbability() {
        assertThat(choose("", 1, SampleType.FLOAT32, List.of(), 0.02, 0.97)).isEqualTo("change_probability");
    }

    @Test
    void anIntegerBandOfZerosAndOnesIsAMask() {
        assertThat(choose("", 1, SampleType.UINT8, List.of(), 0, 1)).isEqualTo("change_mask");
    }

    @Test
    void threeOrMoreBandsAreAnRgbComposite() {
        assertThat(choose("", 4, SampleType.UINT16, List.of(), 0, 10000)).isEqualTo("rgb_reflectance");
    }

    @Test
    void aBandDescribedAsBackscatterIsShownInDecibels() {
        assertThat(choose("", 1, SampleType.FLOAT32, List.of("Sigma0_VV"), 0, 3.2)).isEqualTo("sar_db");
        assertThat(choose("", 1, SampleType.FLOAT32, List.of("VH"), 0, 3.2)).isEqualTo("sar_db");
    }

    @Test
    void anythingElseIsPlainRaster() {
        assertThat(choose("", 1, SampleType.FLOAT32, List.of("elevation"), -12, 3200)).isEqualTo("raster");
        assertThat(choose("", 1, SampleType.FLOAT32, List.of(), Double.NaN, Double.NaN)).isEqualTo("raster");
    }

    @Test
    void aGuessTheCatalogueLacksBecomesRaster() {
        assertThat(DefaultStyleChoice.choose("", new RasterContent(4, SampleType.UINT16, List.of(), 0, 1), "raster"::equals))
                .isEqualTo("raster");
    }
}
