package eu.candela.ows.style;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile SLD documents (uploaded through REST by operators, but parsed by the server): a style or
 * a StyleFormatException naming what is wrong, nothing else. Inputs kept under
 * {@code src/test/resources/eu/candela/ows/style/SldReaderFuzzingInputs/}.
 */
class SldReaderFuzzing {

    @FuzzTest(maxDuration = "15s")
    void readsOrReportsAStyleFormatException(byte[] sld) {
        try {
            SldReader.read(sld);
        } catch (StyleFormatException expected) {
            // a clear message, a 400 at the REST API
        }
    }
}
