package eu.candela.wps.change;

import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.ProcessDefinitions;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.RasterRef;
import java.nio.file.Path;

/** ChangeDetection inputs with the declared defaults, read from the descriptor so tests follow any change of them. */
final class Defaults {

    private static final ProcessDescriptor DESCRIPTOR = ProcessDefinitions.describe(ChangeDetection.class);

    private Defaults() {
    }

    static ChangeDetection.In in(Path before, Path after) {
        return new ChangeDetection.In(new RasterRef(before), new RasterRef(after), null,
                (Integer) value("iterations"), (Double) value("threshold"),
                ThresholdMethod.valueOf((String) value("thresholdMethod")), (Integer) value("medianFilter"),
                null, null, (Boolean) value("maskSnow"), (Boolean) value("allowEmpty"));
    }

    static ChangeDetection.In withThreshold(ChangeDetection.In in, double threshold) {
        return new ChangeDetection.In(in.before(), in.after(), in.bands(), in.iterations(), threshold, in.thresholdMethod(),
                in.medianFilter(), in.beforeMask(), in.afterMask(), in.maskSnow(), in.allowEmpty());
    }

    static ChangeDetection.In withMedianFilter(ChangeDetection.In in, int medianFilter) {
        return new ChangeDetection.In(in.before(), in.after(), in.bands(), in.iterations(), in.threshold(), in.thresholdMethod(),
                medianFilter, in.beforeMask(), in.afterMask(), in.maskSnow(), in.allowEmpty());
    }

    static ChangeDetection.In allowingEmpty(ChangeDetection.In in) {
        return new ChangeDetection.In(in.before(), in.after(), in.bands(), in.iterations(), in.threshold(), in.thresholdMethod(),
                in.medianFilter(), in.beforeMask(), in.afterMask(), in.maskSnow(), true);
    }

    static ChangeDetection.In withBands(ChangeDetection.In in, String bands) {
        return new ChangeDetection.In(in.before(), in.after(), bands, in.iterations(), in.threshold(), in.thresholdMethod(),
                in.medianFilter(), in.beforeMask(), in.afterMask(), in.maskSnow(), in.allowEmpty());
    }

    static ChangeDetection.In withMasks(ChangeDetection.In in, Path beforeMask, Path afterMask) {
        return new ChangeDetection.In(in.before(), in.after(), in.bands(), in.iterations(), in.threshold(), in.thresholdMethod(),
                in.medianFilter(), beforeMask == null ? null : new RasterRef(beforeMask),
                afterMask == null ? null : new RasterRef(afterMask), in.maskSnow(), in.allowEmpty());
    }

    private static Object value(String input) {
        InputDescriptor descriptor = DESCRIPTOR.input(input).orElseThrow();
        return descriptor.parseLiteral(descriptor.defaultValue());
    }
}
