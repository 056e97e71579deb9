<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>sar_change</Name>
    <UserStyle>
      <Name>sar_change</Name>
      <Title>SAR change: increase and decrease of backscatter</Title>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <!-- SARChangeDetection's change map: 0 no change (transparent, so the layer can lie over a base
                 map or the backscatter), 1 increase (new buildings, regrowth: red), 2 decrease (floods,
                 harvest, clearing: blue); 255 is the nodata and is not drawn. -->
            <ColorMap type="values">
              <ColorMapEntry color="#000000" opacity="0" quantity="0" label="no change"/>
              <ColorMapEntry color="#E8202A" opacity="1" quantity="1" label="increase"/>
              <ColorMapEntry color="#1F6FE8" opacity="1" quantity="2" label="decrease"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
