package eu.candela.ows.wps10;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.candela.ows.exception.OwsException;
import eu.candela.wps.spi.ProcessRegistry;

import java.nio.charset.StandardCharsets;

/**
 * Hostile KVP query strings against the real process registry (so DataInputs of real processes
 * are parsed and typed): a request or an OwsException, nothing else. Inputs kept under
 * {@code src/test/resources/eu/candela/ows/wps10/Wps10KvpParserFuzzingInputs/}.
 */
class Wps10KvpParserFuzzing {
    private static final ProcessRegistry REGISTRY = ProcessRegistry.discover();
    private final Wps10KvpParser parser = new Wps10KvpParser(REGISTRY::descriptor);

    @FuzzTest(maxDuration = "15s")
    void parsesOrReportsAnOwsException(byte[] raw) {
        // bytes, not a String parameter: kept inputs are then plain query strings a person can read
        String query = new String(raw, StandardCharsets.UTF_8);
        try {
            parser.parse(query);
        } catch (OwsException expected) {
            // the protocol's answer to bad input
        }
    }
}
