package eu.candela.wps.sar;

/** How the change index is cut into decrease / no change / increase. */
public enum ThresholdMethod {
    /** Kittler-Illingworth minimum error, each class a generalized Gaussian (Bazi, Bruzzone, Melgani 2005). */
    KI_GENERALIZED_GAUSSIAN,
    /**
     * Kittler-Illingworth minimum error, each class a Gaussian (Kittler and Illingworth 1986). On
     * the log-ratio this is the log-normal model of the ratio: the two criteria differ by a term
     * that does not depend on the thresholds, so they choose the same cuts.
     */
    KI_GAUSSIAN,
    /** Otsu's between-class variance on the magnitude of the index around its median: thresholds median -+ t. */
    OTSU
}
