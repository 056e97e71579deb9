package eu.candela.wps.sar;

import java.util.Locale;

/**
 * The scores of the SAR change detection literature for a change / no-change map against a
 * reference: false positives, false negatives, overall error OE = FP + FN, percentage correct
 * classification PCC and Cohen's kappa KC.
 */
record BinaryChangeScores(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    static BinaryChangeScores of(boolean[] predicted, boolean[] reference) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && reference[i]) tp++;
            else if (predicted[i]) fp++;
            else if (reference[i]) fn++;
            else tn++;
        }
        return new BinaryChangeScores(tp, fp, fn, tn);
    }

    long total() { return truePositives + falsePositives + falseNegatives + trueNegatives; }

    long overallError() { return falsePositives + falseNegatives; }

    /** In percent. */
    double pcc() { return 100.0 * (total() - overallError()) / total(); }

    /** In percent, as the papers print it. */
    double kappa() {
        double n = total();
        double observed = (truePositives + trueNegatives) / n;
        double predicted = (truePositives + falsePositives) / n;
        double actual = (truePositives + falseNegatives) / n;
        double chance = predicted * actual + (1 - predicted) * (1 - actual);
        return 100 * (observed - chance) / (1 - chance);
    }

    String markdownRow(String method) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |", method, falsePositives, falseNegatives,
                overallError(), pcc(), kappa());
    }
}
