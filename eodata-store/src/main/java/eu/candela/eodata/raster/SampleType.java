package eu.candela.eodata.raster;

/** The pixel sample types the platform reads and writes; each maps to a TIFF SampleFormat / BitsPerSample pair. */
public enum SampleType {
    UINT8(8, 1), UINT16(16, 1), INT16(16, 2), FLOAT32(32, 3);

    private final int bitsPerSample;
    private final int tiffSampleFormat;

    SampleType(int bitsPerSample, int tiffSampleFormat) {
        this.bitsPerSample = bitsPerSample;
        this.tiffSampleFormat = tiffSampleFormat;
    }

    public int bitsPerSample() { return bitsPerSample; }

    public int bytesPerSample() { return bitsPerSample / 8; }

    /** TIFF tag 339 value: 1 unsigned integer, 2 signed integer, 3 IEEE float. */
    public int tiffSampleFormat() { return tiffSampleFormat; }
}
