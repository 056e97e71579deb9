package eu.candela.wps.change;

/** How the change mask is cut from the change probability. */
public enum ThresholdMethod {
    /** Changed where the probability exceeds the {@code threshold} input: a significance level. */
    PROBABILITY,
    /**
     * Changed where the chi-square statistic exceeds Otsu's threshold on the sampled pixels
     * (on log(1 + Z)); adapts to the scene but needs enough change to make the histogram bimodal.
     */
    OTSU
}
