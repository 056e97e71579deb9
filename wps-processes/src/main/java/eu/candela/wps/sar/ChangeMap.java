package eu.candela.wps.sar;

/** The codes of the change map output (UInt8). */
final class ChangeMap {
    static final int NO_CHANGE = 0;
    static final int INCREASE = 1;
    static final int DECREASE = 2;
    static final int NODATA = 255;
    /** Nodata of the Float32 change probability. */
    static final float PROBABILITY_NODATA = -1f;
    /** Nodata of the Float32 change index, as in the preprocessed inputs. */
    static final float INDEX_NODATA = -9999f;

    private ChangeMap() {
    }
}
