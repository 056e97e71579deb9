#!/usr/bin/python3
"""What a notebook user does after an Execute: find the published layer, then look at it with
OWSLib's WebMapService (1.1.1 and 1.3.0) and WebMapTileService, as a map client would.

Run with Debian's interpreter: /usr/bin/python3 owslib_map_client.py http://127.0.0.1:8080
Prints one line per check and a closing 'N passed, N failed' line; exits 1 on any failure.
"""
import json
import math
import struct
import sys

from owslib.wps import WebProcessingService, ComplexDataInput, ASYNC
from owslib.wms import WebMapService
from owslib.wmts import WebMapTileService

from checks import check, finish

BASE = sys.argv[1].rstrip("/")
found = {}


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:64]
    return struct.unpack(">II", data[16:24])


@check("Execute publishes the change probability and mask as layers")
def _():
    wps = WebProcessingService(BASE + "/wps", version="1.0.0", skip_caps=True)
    s = BASE + "/eodata/samples/"
    tiff = "image/tiff; application=geotiff"
    ex = wps.execute("ChangeDetection",
                     [("before", ComplexDataInput(s + "bordeaux_2017-04-19.tif", mimeType=tiff)),
                      ("after", ComplexDataInput(s + "bordeaux_2017-04-29.tif", mimeType=tiff))],
                     output=[("probability", True), ("probability_layer", False), ("probability_wms", False),
                             ("mask_layer", False), ("mask_wmts", False)], mode=ASYNC)
    while not ex.isComplete():
        ex.checkStatus(sleepSecs=1)
    assert ex.isSucceded(), ex.errors
    out = {o.identifier: (o.data[0] if o.data else o.reference) for o in ex.processOutputs}
    assert out["probability_layer"].startswith("results:ChangeDetection_"), out
    assert out["probability_wms"].startswith(BASE + "/wms?"), out
    found.update(out)


@check("WMS 1.3.0 lists the layer with its styles and fetches a map of it")
def _():
    wms = WebMapService(BASE + "/wms", version="1.3.0")
    name = found["probability_layer"]
    assert name in wms.contents, list(wms.contents)
    layer = wms[name]
    assert "change_probability" in layer.styles, layer.styles
    assert "EPSG:3857" in layer.crsOptions, layer.crsOptions
    minx, miny, maxx, maxy = layer.boundingBoxWGS84
    img = wms.getmap(layers=[name], styles=[""], srs="EPSG:4326", bbox=(miny, minx, maxy, maxx),
                     size=(300, 200), format="image/png", transparent=True)
    assert png_size(img.read()) == (300, 200)
    found["bbox"] = (minx, miny, maxx, maxy)


@check("WMS 1.1.1 lists the layer and fetches a JPEG in EPSG:3857")
def _():
    wms = WebMapService(BASE + "/wms", version="1.1.1")
    name = found["mask_layer"]
    assert name in wms.contents, list(wms.contents)
    minx, miny, maxx, maxy = found["bbox"]
    r = 6378137.0
    x = lambda lon: math.radians(lon) * r
    y = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * r
    img = wms.getmap(layers=[name], styles=[""], srs="EPSG:3857", bbox=(x(minx), y(miny), x(maxx), y(maxy)),
                     size=(256, 256), format="image/jpeg")
    data = img.read()
    assert data[:3] == b"\xff\xd8\xff", data[:64]


@check("WMS GetFeatureInfo answers the band value under a pixel")
def _():
    wms = WebMapService(BASE + "/wms", version="1.1.1")
    name = found["probability_layer"]
    minx, miny, maxx, maxy = found["bbox"]
    info = wms.getfeatureinfo(layers=[name], srs="EPSG:4326", bbox=(minx, miny, maxx, maxy), size=(100, 100),
                              format="image/png", query_layers=[name], info_format="application/json", xy=(50, 50))
    fc = json.loads(info.read().decode("utf-8"))
    values = list(fc["features"][0]["properties"].values())
    assert len(values) == 1 and 0 <= values[0] <= 1, fc  # one band: a change probability


@check("WMTS lists the layer and serves a tile of it")
def _():
    wmts = WebMapTileService(BASE + "/wmts")
    name = found["mask_layer"]
    assert name in wmts.contents, list(wmts.contents)
    layer = wmts[name]
    assert "GoogleMapsCompatible" in layer.tilematrixsetlinks, layer.tilematrixsetlinks
    assert "WorldCRS84Quad" in wmts.tilematrixsets, list(wmts.tilematrixsets)
    minx, miny, maxx, maxy = found["bbox"]
    z = 12
    lon, lat = (minx + maxx) / 2, (miny + maxy) / 2
    n = 2 ** z
    col = int((lon + 180) / 360 * n)
    row = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    tile = wmts.gettile(layer=name, tilematrixset="GoogleMapsCompatible", tilematrix=str(z), row=row, column=col,
                        format="image/png")
    assert png_size(tile.read()) == (256, 256)


@check("the XYZ template of the output fetches the same kind of tile")
def _():
    import urllib.request
    url = found["mask_wmts"].replace("{z}", "0").replace("{y}", "0").replace("{x}", "0")
    with urllib.request.urlopen(url) as r:
        assert r.headers["Content-Type"].startswith("image/png"), r.headers["Content-Type"]
        assert png_size(r.read()) == (256, 256)


finish()
