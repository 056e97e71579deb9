#!/usr/bin/python3
"""What a notebook user does with OWSLib's WebMapService (1.1.1 and 1.3.0) and GDAL against the platform's WMS.

Run with Debian's interpreter: /usr/bin/python3 owslib_wms_client.py http://127.0.0.1:8080 ws:layer
Prints one line per check and a closing 'N passed, N failed' line; exits 1 on any failure.
Maps are decoded with GDAL, which Debian ships next to OWSLib.
"""
import sys
import uuid

from osgeo import gdal
from owslib.util import ServiceException
from owslib.wms import WebMapService

from checks import check, finish

BASE = sys.argv[1].rstrip("/")
LAYER = sys.argv[2]


def decode(data):
    """(width, height, [band arrays as lists of rows]) of an image in memory."""
    path = f"/vsimem/{uuid.uuid4()}.img"
    gdal.FileFromMemBuffer(path, data)
    try:
        ds = gdal.Open(path)
        assert ds is not None, "GDAL cannot decode the map"
        bands = [ds.GetRasterBand(b + 1).ReadAsArray() for b in range(ds.RasterCount)]
        return ds.RasterXSize, ds.RasterYSize, bands
    finally:
        gdal.Unlink(path)


def check_version(version, crs):
    wms = WebMapService(BASE + "/wms", version=version)

    @check(f"{version}: capabilities list the layer with a bounding box and styles")
    def _():
        assert wms.identification.type in ("WMS", "OGC:WMS"), wms.identification.type
        assert LAYER in wms.contents, list(wms.contents)
        layer = wms[LAYER]
        west, south, east, north = layer.boundingBoxWGS84
        assert -4.0 < west < east < -3.0 and 40.0 < south < north < 41.0, layer.boundingBoxWGS84
        assert "wmstest_ramp" in layer.styles, layer.styles
        assert "image/png" in wms.getOperationByName("GetMap").formatOptions

    @check(f"{version}: GetMap returns a map of the style's colours")
    def _():
        layer = wms[LAYER]
        west, south, east, north = layer.boundingBoxWGS84
        img = wms.getmap(layers=[LAYER], styles=[""], srs=crs, bbox=(west, south, east, north),
                         size=(100, 100), format="image/png", transparent=True)
        data = img.read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:200]
        width, height, bands = decode(data)
        assert (width, height) == (100, 100), (width, height)
        red, green, blue = bands[0], bands[1], bands[2]
        # west half blue, east half red (the ramp of 0 and 1000)
        assert (red[30][20], green[30][20], blue[30][20]) == (0, 0, 255), (red[30][20], blue[30][20])
        assert (red[30][80], green[30][80], blue[30][80]) == (255, 0, 0), (red[30][80], blue[30][80])

    @check(f"{version}: an unknown layer raises ServiceException")
    def _():
        try:
            wms.getmap(layers=["wmstest:nope"], styles=[""], srs=crs, bbox=(-4, 40, -3, 41), size=(10, 10),
                       format="image/png")
        except ServiceException as e:
            assert "nope" in str(e), str(e)
        else:
            raise AssertionError("no ServiceException")


check_version("1.1.1", "EPSG:4326")
check_version("1.3.0", "CRS:84")


@check("GDAL opens the WMS and reads a window of the style's colours")
def _():
    url = (f"WMS:{BASE}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS={LAYER}&SRS=EPSG:32630"
           "&BBOX=440000,4478000,442000,4480000&FORMAT=image/png")
    ds = gdal.Translate("/vsimem/gdal_wms.tif", url, width=100, height=100)
    assert ds is not None, "GDAL cannot open " + url
    red, blue = ds.GetRasterBand(1).ReadAsArray(), ds.GetRasterBand(3).ReadAsArray()
    assert (red[20][20], blue[20][20]) == (0, 255), (red[20][20], blue[20][20])
    assert (red[20][80], blue[20][80]) == (255, 0), (red[20][80], blue[20][80])
    ds = None
    gdal.Unlink("/vsimem/gdal_wms.tif")

finish()
