package eu.candela.wps.sar;

import java.util.Map;

/**
 * A fitted decision rule from change index to change map: per core pixel of a block, the class
 * (0 no change, 1 increase, 2 decrease) and the change probability. Pixels with no index are
 * left to the caller.
 */
interface ChangeModel {

    /** Pixels of index needed around a block (neighbourhood features). */
    int halo();

    /**
     * @param index   the change index over the whole extent of {@code block}, NaN where no data
     * @param classes out: one code per core pixel, row-major
     * @param probability out: one change probability per core pixel
     */
    void classify(HaloBlock block, float[] index, byte[] classes, float[] probability);

    /** What was fitted, for the statistics output (thresholds, centres ...). */
    Map<String, Object> describe();

    /**
     * Gathers, over the first pass, what the model is fitted on: a histogram or a capped sample.
     */
    interface Builder {

        int halo();

        void add(HaloBlock block, float[] index);

        ChangeModel build();
    }
}
