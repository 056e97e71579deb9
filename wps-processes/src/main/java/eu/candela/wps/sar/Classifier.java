package eu.candela.wps.sar;

/** The unsupervised classifiers that may replace the thresholds. */
public enum Classifier {
    /** PCA-k-means on h x h neighbourhoods of the index magnitude (Celik 2009). */
    PCA_KMEANS,
    /** Fuzzy c-means with a spatial term, FCM_S1 (Chen and Zhang 2004). */
    FUZZY_C_MEANS
}
