package eu.candela.wps.sar;

/**
 * Two thresholds on a signed change index and the class model they came from: decrease below
 * {@code lower}, increase at or above {@code upper}, no change between. A change class the
 * histogram does not support is absent: its threshold is infinite and its density null.
 *
 * @param lower     decrease where the index is below; negative infinity when there is no decrease class
 * @param upper     increase where the index is at or above; positive infinity when there is no increase class
 * @param decrease  the decrease class, or null
 * @param unchanged the no-change class
 * @param increase  the increase class, or null
 * @param criterion the value the method optimised (KI: the minimum error criterion; Otsu: the between-class variance)
 */
record ThresholdFit(double lower, double upper, ClassDensity decrease, ClassDensity unchanged, ClassDensity increase,
                    double criterion) {

    /** 0 no change, 1 increase, 2 decrease (the change map's codes). */
    int classify(float index) {
        if (index >= upper) {
            return ChangeMap.INCREASE;
        }
        return index < lower ? ChangeMap.DECREASE : ChangeMap.NO_CHANGE;
    }

    /**
     * Posterior probability of change (either direction) under the fitted three-class mixture:
     * 1 - P(no change) p(x | no change) / sum over classes of P(class) p(x | class).
     */
    double changeProbability(float index) {
        double u = Math.log(unchanged.prior()) + unchanged.logDensity(index);
        double d = decrease == null ? Double.NEGATIVE_INFINITY : Math.log(decrease.prior()) + decrease.logDensity(index);
        double i = increase == null ? Double.NEGATIVE_INFINITY : Math.log(increase.prior()) + increase.logDensity(index);
        double max = Math.max(u, Math.max(d, i));
        double change = Math.exp(d - max) + Math.exp(i - max);
        return change / (change + Math.exp(u - max));
    }
}
