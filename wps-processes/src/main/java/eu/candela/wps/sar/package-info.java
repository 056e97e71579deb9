/**
 * SAR change detection between two co-registered backscatter images: change indices (log-ratio,
 * mean-ratio, neighbourhood-based ratio), automatic thresholds (Kittler-Illingworth minimum error
 * under Gaussian and generalized Gaussian models, Otsu), unsupervised classifiers (PCA-k-means,
 * fuzzy c-means with a spatial term), and the {@link eu.candela.wps.sar.SARChangeDetection} process.
 */
package eu.candela.wps.sar;
