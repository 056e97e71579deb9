package eu.candela.ows.publish;

import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.raster.SampleType;

import java.util.List;
import java.util.Locale;

/**
 * What a raster holds, as far as choosing how to show it goes.
 *
 * @param bandCount    number of bands
 * @param sampleType   type of the samples
 * @param descriptions band descriptions, lower case (empty when the file names none)
 * @param min          smallest valid sample of band 1, NaN when unknown
 * @param max          largest valid sample of band 1, NaN when unknown
 */
record RasterContent(int bandCount, SampleType sampleType, List<String> descriptions, double min, double max) {
    RasterContent {
        descriptions = descriptions.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    static RasterContent of(RasterInfo info, double min, double max) {
        return new RasterContent(info.bandCount(), info.spec().sampleType(), info.spec().bandDescriptions(), min, max);
    }

    boolean isInteger() {
        return sampleType != SampleType.FLOAT32;
    }

    /** Both bounds known and inside [0, 1]. */
    boolean isUnitRange() {
        return min >= 0 && max <= 1;
    }

    boolean describes(String... words) {
        for (String d : descriptions) {
            for (String w : words) {
                if (d.contains(w)) return true;
            }
        }
        return false;
    }
}
