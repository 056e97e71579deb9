<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>sar_db</Name>
    <UserStyle>
      <Name>sar_db</Name>
      <Title>SAR backscatter (linear power) in dB</Title>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <!-- SLD cannot take a logarithm, so the ramp's quantities are 10^(dB/10) for dB from -25 to +5
                 in 2.5 dB steps: linear interpolation between these log-spaced entries stays within 0.2 dB
                 (under 2 grey levels) of a true dB stretch. Grey levels are linear in dB: -25 dB and below black,
                 +5 dB white; the last entry keeps brighter targets white instead of transparent. -->
            <ColorMap type="ramp">
              <ColorMapEntry color="#000000" quantity="0.00316228" label="-25 dB"/>
              <ColorMapEntry color="#151515" quantity="0.00562341" label="-22.5 dB"/>
              <ColorMapEntry color="#2A2A2A" quantity="0.01" label="-20 dB"/>
              <ColorMapEntry color="#404040" quantity="0.0177828" label="-17.5 dB"/>
              <ColorMapEntry color="#555555" quantity="0.0316228" label="-15 dB"/>
              <ColorMapEntry color="#6A6A6A" quantity="0.0562341" label="-12.5 dB"/>
              <ColorMapEntry color="#808080" quantity="0.1" label="-10 dB"/>
              <ColorMapEntry color="#959595" quantity="0.177828" label="-7.5 dB"/>
              <ColorMapEntry color="#AAAAAA" quantity="0.316228" label="-5 dB"/>
              <ColorMapEntry color="#BFBFBF" quantity="0.562341" label="-2.5 dB"/>
              <ColorMapEntry color="#D4D4D4" quantity="1" label="0 dB"/>
              <ColorMapEntry color="#EAEAEA" quantity="1.77828" label="2.5 dB"/>
              <ColorMapEntry color="#FFFFFF" quantity="3.16228" label="5 dB"/>
              <ColorMapEntry color="#FFFFFF" quantity="1.0E12" label="above 5 dB"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
