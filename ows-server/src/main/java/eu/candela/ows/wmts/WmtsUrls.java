package eu.candela.ows.wmts;

import eu.candela.ows.wps10.ServiceUrls;

/** The WMTS addresses, built on the server's public base URL. */
record WmtsUrls(ServiceUrls base) {

    String kvp() {
        return base.base() + "/wmts?";
    }

    String restCapabilities() {
        return base.base() + "/wmts/1.0.0/WMTSCapabilities.xml";
    }

    String restTiles() {
        return base.base() + "/wmts/rest/";
    }

    /** The RESTful tile URL template of OGC 07-057r7 §10.2.1, with the layer filled in. */
    String tileTemplate(String layer, String extension) {
        return restTiles() + layer + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}." + extension;
    }

    /** The WMS GetLegendGraphic request that draws {@code style}'s legend. */
    String legend(String layer, String style) {
        return base.base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER="
                + WmtsCapabilitiesEncoder.encode(layer) + "&STYLE=" + WmtsCapabilitiesEncoder.encode(style)
                + "&FORMAT=image/png";
    }
}
