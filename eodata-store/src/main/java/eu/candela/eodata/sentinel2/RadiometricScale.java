package eu.candela.eodata.sentinel2;

/**
 * How digital numbers of one band become reflectance: {@code (DN + offset) / quantification}, the
 * offset being {@code RADIO_ADD_OFFSET} (Level-1C) or {@code BOA_ADD_OFFSET} (Level-2A) from
 * processing baseline 04.00 on, and 0 before. DN {@code nodata} (0) is no data.
 *
 * @param quantification {@code QUANTIFICATION_VALUE} / {@code BOA_QUANTIFICATION_VALUE}, positive (10000)
 * @param offset         the additive offset in DN (-1000 from baseline 04.00, 0 before)
 * @param nodata         DN of missing pixels (special value NODATA, 0)
 * @param saturated      DN of saturated pixels (special value SATURATED, 65535); still converted, as a measurement at the top of the range
 */
public record RadiometricScale(double quantification, double offset, int nodata, int saturated) {
    public RadiometricScale {
        if (!(quantification > 0) || Double.isInfinite(quantification)) {
            throw new IllegalArgumentException("quantification must be positive, got " + quantification);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
    }

    /** Reflectance of {@code dn}, or NaN when {@code dn} is the nodata value. */
    public float reflectance(int dn) {
        return dn == nodata ? Float.NaN : (float) ((dn + offset) / quantification);
    }
}
