package eu.candela.ows.wmts;

/** The WMTS operations this server answers. */
public sealed interface WmtsRequest {

    record GetCapabilities() implements WmtsRequest {}

    record GetTile(GetTileRequest tile) implements WmtsRequest {}
}
