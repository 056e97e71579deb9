package eu.candela.eodata.sentinel2;

/** The processing level of a product, named as in its metadata's {@code PROCESSING_LEVEL}. */
public enum ProcessingLevel {
    /** Top-of-atmosphere reflectance, with the classification mask (cloud, cirrus, snow). */
    LEVEL_1C("Level-1C"),
    /** Bottom-of-atmosphere reflectance, with the scene classification (SCL). */
    LEVEL_2A("Level-2A");

    private final String text;

    ProcessingLevel(String text) {
        this.text = text;
    }

    /** {@code Level-1C} or {@code Level-2A}. */
    public String text() {
        return text;
    }

    /** @throws IllegalArgumentException for any other text (Level-1B, Level-2Ap ...) */
    public static ProcessingLevel of(String text) {
        for (ProcessingLevel level : values()) {
            if (level.text.equals(text.trim())) return level;
        }
        throw new IllegalArgumentException("processing level '" + text + "' is not supported; use Level-1C or Level-2A");
    }
}
