package eu.candela.ows.wmts;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WmtsKvpParserTest {
    private static final String TILE = "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=bench:s2&STYLE=&FORMAT=image/png"
            + "&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=5&TILEROW=11&TILECOL=15";

    @Test
    void parsesGetCapabilitiesWithAnyCaseOfNames() {
        assertThat(WmtsKvpParser.parse("service=wmts&Request=getcapabilities"))
                .isInstanceOf(WmtsRequest.GetCapabilities.class);
    }

    @Test
    void parsesGetTile() {
        WmtsRequest r = WmtsKvpParser.parse(TILE);
        assertThat(r).isEqualTo(new WmtsRequest.GetTile(new GetTileRequest("bench:s2", "", OutputFormat.PNG,
                "GoogleMapsCompatible", "5", 11, 15)));
        assertThat(((WmtsRequest.GetTile) r).tile().wantsDefaultStyle()).isTrue();
    }

    @Test
    void decodesPercentEncodedValues() {
        WmtsRequest r = WmtsKvpParser.parse(TILE.replace("bench:s2", "bench%3As2").replace("STYLE=", "STYLE=peer_ramp")
                .replace("image/png", "image%2Fjpeg"));
        GetTileRequest t = ((WmtsRequest.GetTile) r).tile();
        assertThat(t.layer()).isEqualTo("bench:s2");
        assertThat(t.style()).isEqualTo("peer_ramp");
        assertThat(t.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(t.wantsDefaultStyle()).isFalse();
    }

    @Test
    void defaultStyleNameMeansTheLayersDefault() {
        GetTileRequest t = ((WmtsRequest.GetTile) WmtsKvpParser.parse(TILE.replace("STYLE=", "STYLE=default"))).tile();
        assertThat(t.wantsDefaultStyle()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "REQUEST=GetCapabilities                                   | MissingParameterValue  | SERVICE",
            "SERVICE=WMS&REQUEST=GetCapabilities                       | InvalidParameterValue  | SERVICE",
            "SERVICE=WMTS                                              | MissingParameterValue  | REQUEST",
            "SERVICE=WMTS&REQUEST=GetFeatureInfo                       | OperationNotSupported  | REQUEST",
            "SERVICE=WMTS&REQUEST=GetTile&VERSION=2.0.0&LAYER=a        | InvalidParameterValue  | VERSION",
            "SERVICE=WMTS&REQUEST=GetTile&FORMAT=image/png             | MissingParameterValue  | LAYER",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a                      | MissingParameterValue  | FORMAT",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/gif     | InvalidParameterValue  | FORMAT",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png8    | InvalidParameterValue  | FORMAT",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png     | MissingParameterValue  | TILEMATRIXSET",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png&TILEMATRIXSET=G | MissingParameterValue | TILEMATRIX",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png&TILEMATRIXSET=G&TILEMATRIX=1 | MissingParameterValue | TILEROW",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png&TILEMATRIXSET=G&TILEMATRIX=1&TILEROW=x&TILECOL=0 | InvalidParameterValue | TILEROW",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png&TILEMATRIXSET=G&TILEMATRIX=1&TILEROW=0 | MissingParameterValue | TILECOL",
            "SERVICE=WMTS&REQUEST=GetTile&LAYER=a&FORMAT=image/png&TILEMATRIXSET=G&TILEMATRIX=1&TILEROW=0&TILECOL=-1 | TileOutOfRange | TILECOL",
    })
    void rejectsBadRequestsWithCodeAndLocator(String query, OwsExceptionCode code, String locator) {
        OwsException e = catchThrowableOfType(() -> WmtsKvpParser.parse(query), OwsException.class);
        assertThat(e).as(query).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.locator()).isEqualTo(locator);
    }

    @Test
    void tileOutOfRangeIsAClientError() {
        assertThat(OwsExceptionCode.TileOutOfRange.httpStatus()).isEqualTo(400);
        assertThat(OwsExceptionCode.TileOutOfRange.reportedCode()).isEqualTo("TileOutOfRange");
    }
}
