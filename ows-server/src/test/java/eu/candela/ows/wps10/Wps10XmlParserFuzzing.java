package eu.candela.ows.wps10;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.candela.ows.exception.OwsException;

import java.io.ByteArrayInputStream;

/**
 * Hostile Execute / GetCapabilities / DescribeProcess documents: whatever the bytes, the XML parser
 * answers a request or an OwsException (an ExceptionReport); any other exception, a hang or a stack
 * overflow is a finding. Plain {@code mvn test} replays the inputs kept under
 * {@code src/test/resources/eu/candela/ows/wps10/Wps10XmlParserFuzzingInputs/} (crashes found
 * while fuzzing land there); {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class Wps10XmlParserFuzzing {
    private final Wps10XmlParser parser = new Wps10XmlParser();

    @FuzzTest(maxDuration = "15s")
    void parsesOrReportsAnOwsException(byte[] body) {
        try {
            parser.parse(new ByteArrayInputStream(body));
        } catch (OwsException expected) {
            // the protocol's answer to bad input
        }
    }
}
