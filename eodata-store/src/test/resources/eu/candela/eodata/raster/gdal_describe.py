# Prints what GDAL sees in a raster as key=value lines, for GdalTools.describe.
# Usage: python3 -c "$(cat gdal_describe.py)" FILE X Y WIDTH HEIGHT
import sys
from osgeo import gdal

gdal.UseExceptions()
path, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:6])
ds = gdal.Open(path)
srs = ds.GetSpatialRef()
print("size=%d,%d" % (ds.RasterXSize, ds.RasterYSize))
print("bands=%d" % ds.RasterCount)
print("epsg=%s" % (srs.GetAuthorityCode(None) if srs is not None else "none"))
print("geotransform=" + ",".join(repr(float(c)) for c in ds.GetGeoTransform()))
for key, value in (ds.GetMetadata() or {}).items():
    print("metadata.%s=%s" % (key, value))
structure = ds.GetMetadata("IMAGE_STRUCTURE") or {}
print("layout=%s" % structure.get("LAYOUT", "none"))
print("compression=%s" % structure.get("COMPRESSION", "none"))
first = ds.GetRasterBand(1)
nodata = first.GetNoDataValue()
print("nodata=%s" % ("none" if nodata is None else repr(float(nodata))))
print("datatype=%s" % gdal.GetDataTypeName(first.DataType))
print("overviews=" + ";".join("%dx%d" % (first.GetOverview(i).XSize, first.GetOverview(i).YSize)
                              for i in range(first.GetOverviewCount())))
for b in range(ds.RasterCount):
    band = ds.GetRasterBand(b + 1)
    print("description.%d=%s" % (b, band.GetDescription()))
    data = band.ReadAsArray().astype("float64")
    print("sum.%d=%r" % (b, float(data.sum())))
    window = band.ReadAsArray(x, y, w, h).astype("float64").ravel()
    print("window.%d=%s" % (b, ",".join(repr(float(v)) for v in window)))
    if band.GetOverviewCount() > 0:
        ov = band.GetOverview(0).ReadAsArray().astype("float64")
        print("overviewsum.%d=%r" % (b, float(ov.sum())))
