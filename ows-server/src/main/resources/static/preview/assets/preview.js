// Layer preview: the layer's WMTS tiles over a base map, its legend, band values on click.
// Everything comes from the data- attributes of #map (the page has no inline script).
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) return;
  var d = el.dataset;
  var b = d.bounds.split(',').map(Number);
  var bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
  var map = L.map(el, { maxZoom: 20 });
  window.candelaMap = map; // for tests and the curious

  if (d.basemap) {
    L.tileLayer(d.basemap, { attribution: d.basemapAttribution, maxZoom: 19, crossOrigin: true }).addTo(map);
  }
  function tiles(style) {
    return d.wmts + '/rest/' + d.layer + '/' + encodeURIComponent(style) + '/GoogleMapsCompatible/{z}/{y}/{x}.png';
  }
  var layer = L.tileLayer(tiles(d.style), { maxZoom: 20, bounds: bounds, className: 'candela-layer' }).addTo(map);
  layer.on('tileload', function () { el.dataset.tilesLoaded = String(Number(el.dataset.tilesLoaded || 0) + 1); });
  layer.on('tileerror', function () { el.dataset.tileErrors = String(Number(el.dataset.tileErrors || 0) + 1); });
  map.fitBounds(bounds);
  L.control.scale().addTo(map);

  var select = document.getElementById('style');
  var legend = document.getElementById('legend');
  if (select) {
    select.addEventListener('change', function () {
      layer.setUrl(tiles(select.value));
      legend.src = legend.src.replace(/STYLE=[^&]*/, 'STYLE=' + encodeURIComponent(select.value));
    });
  }

  var values = document.getElementById('values');
  map.on('click', function (e) {
    var size = map.getSize();
    var mb = map.getBounds();
    var p = map.latLngToContainerPoint(e.latlng);
    // WMS 1.3.0 with CRS:84: longitude first, no axis-order surprise
    var url = d.wms + '?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&INFO_FORMAT=application/json'
      + '&LAYERS=' + encodeURIComponent(d.layer) + '&QUERY_LAYERS=' + encodeURIComponent(d.layer)
      + '&STYLES=&CRS=CRS:84&BBOX=' + [mb.getWest(), mb.getSouth(), mb.getEast(), mb.getNorth()].join(',')
      + '&WIDTH=' + size.x + '&HEIGHT=' + size.y + '&I=' + Math.round(p.x) + '&J=' + Math.round(p.y);
    fetch(url).then(function (r) { return r.json(); }).then(function (fc) {
      var f = fc.features && fc.features[0];
      values.textContent = f ? Object.keys(f.properties).map(function (k) {
        return k + ': ' + f.properties[k];
      }).join('\n') : 'no data here';
    }).catch(function (err) { values.textContent = 'GetFeatureInfo failed: ' + err; });
  });
})();
