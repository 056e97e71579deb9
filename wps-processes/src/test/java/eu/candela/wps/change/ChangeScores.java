package eu.candela.wps.change;

import java.util.Locale;

/**
 * Accuracy of a change mask against a reference, for the change class: the counts of the
 * confusion matrix and the scores derived from them.
 */
record ChangeScores(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Cohen's kappa: agreement beyond what the class frequencies give by chance. */
    double kappa() {
        double n = total();
        double observed = (truePositives + trueNegatives) / n;
        double predictedChange = (truePositives + falsePositives) / n;
        double actualChange = (truePositives + falseNegatives) / n;
        double chance = predictedChange * actualChange + (1 - predictedChange) * (1 - actualChange);
        return (observed - chance) / (1 - chance);
    }

    long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    String summary(String name) {
        return String.format(Locale.ROOT, "%s: precision=%.3f recall=%.3f F1=%.3f kappa=%.3f (TP=%d FP=%d FN=%d TN=%d)",
                name, precision(), recall(), f1(), kappa(), truePositives, falsePositives, falseNegatives, trueNegatives);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Tallies one pixel; {@code null} arguments are skipped (no data on either side). */
    static final class Tally {
        private long tp;
        private long fp;
        private long fn;
        private long tn;

        void add(boolean predictedChange, boolean actualChange) {
            if (predictedChange && actualChange) tp++;
            else if (predictedChange) fp++;
            else if (actualChange) fn++;
            else tn++;
        }

        ChangeScores scores() {
            return new ChangeScores(tp, fp, fn, tn);
        }
    }
}
