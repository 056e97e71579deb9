package eu.candela.ows.rest;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.OverviewLevel;
import eu.candela.eodata.raster.RasterInfo;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;

/**
 * Receives an uploaded GeoTIFF into a temporary file of the data directory (so the final move is a
 * rename on the same file system), within a size limit, and checks it is complete: the header
 * parses and the last block of every resolution level reads, which is where a truncated upload
 * breaks.
 */
final class GeoTiffUpload {
    private final Path tempDir;
    private final long maxSize;

    GeoTiffUpload(Path tempDir, long maxSize) {
        this.tempDir = tempDir;
        this.maxSize = maxSize;
    }

    /** The body as a temporary file, which the caller moves or deletes. */
    Path receive(InputStream body, long declaredLength) throws IOException {
        if (declaredLength > maxSize) throw tooLarge();
        Files.createDirectories(tempDir);
        Path temp = Files.createTempFile(tempDir, ".upload-", ".tif.part");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxSize) throw tooLarge();
                out.write(buffer, 0, n);
            }
            if (total == 0) throw RestException.badRequest("the upload is empty; send the GeoTIFF as the request body");
            kept = true;
            return temp;
        } finally {
            if (!kept) Files.deleteIfExists(temp);
        }
    }

    /** Opens the file and reads the last block of each level. */
    static RasterInfo checkComplete(Path file) {
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterInfo info = reader.info();
            readLastBlock(reader, 0, info.width(), info.height(), info);
            for (int level = 1; level <= reader.overviewCount(); level++) {
                OverviewLevel o = info.overviews().get(level - 1);
                readLastBlock(reader, level, o.width(), o.height(), info);
            }
            return info;
        } catch (IOException | RuntimeException e) {
            throw RestException.badRequest("the upload is not a complete, readable GeoTIFF: " + e.getMessage());
        }
    }

    private static void readLastBlock(GeoTiffReader reader, int level, int width, int height, RasterInfo info) throws IOException {
        int bw = Math.max(1, Math.min(info.tileWidth(), width));
        int bh = Math.max(1, Math.min(info.tileHeight(), height));
        int x = (width - 1) / bw * bw;
        int y = (height - 1) / bh * bh;
        if (level == 0) reader.read(x, y, width - x, height - y);
        else reader.readOverview(level, x, y, width - x, height - y);
    }

    private RestException tooLarge() {
        return new RestException(HttpStatus.PAYLOAD_TOO_LARGE,
                "the upload is larger than candela.maps.max-upload-size (" + maxSize + " bytes)");
    }
}
