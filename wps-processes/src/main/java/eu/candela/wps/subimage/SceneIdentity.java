package eu.candela.wps.subimage;

import eu.candela.eodata.raster.RasterInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tile and when an image shows: from the GDAL metadata Jpeg2Tiff writes ({@code TILE_ID},
 * {@code SENSING_TIME}), else from {@code ACQUISITION_DATE}, else from the file name (a Sentinel-2
 * tile such as {@code T30TXQ} and a date {@code 20170419T105621} or {@code 2017-04-19}). An image
 * with no tile id anywhere is keyed by its grid (CRS and origin), since images on one grid are one tile.
 *
 * @param file        the image
 * @param tileId      e.g. {@code T30TXQ}
 * @param sensingTime acquisition time, UTC
 * @param source      where the identity came from: {@code metadata} or {@code file name} (for the manifest)
 */
record SceneIdentity(Path file, String tileId, Instant sensingTime, String source) {

    private static final Pattern TILE = Pattern.compile("(?:^|[_.\\-])(T\\d{2}[A-Z]{3})(?=$|[_.\\-])");
    private static final Pattern COMPACT_TIME = Pattern.compile("(?<!\\d)(\\d{8}T\\d{6})(?!\\d)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?!\\d)");
    private static final Pattern COMPACT_DATE = Pattern.compile("(?<!\\d)(20\\d{6})(?!\\d)");

    SceneIdentity {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tileId, "tileId");
        Objects.requireNonNull(sensingTime, "sensingTime");
    }

    /**
     * @return empty when neither the metadata nor the file name tells the date
     */
    static Optional<SceneIdentity> of(Path file, RasterInfo info) {
        String name = file.getFileName().toString();
        String metaTile = info.spec().metadata().get("TILE_ID");
        Instant metaTime = parseTime(info.spec().metadata().get("SENSING_TIME"));
        if (metaTime == null) {
            metaTime = parseTime(info.spec().metadata().get("ACQUISITION_DATE"));
        }
        String tile = metaTile != null && !metaTile.isBlank() ? metaTile.trim() : match(TILE, name);
        Instant time = metaTime != null ? metaTime : timeFromName(name);
        if (time == null) {
            return Optional.empty();
        }
        if (tile == null) {
            double[] gt = info.grid().geoTransform();
            tile = String.format(Locale.ROOT, "EPSG%d_%.0f_%.0f", info.grid().epsg(), gt[0], gt[3]);
        }
        boolean fromMetadata = metaTime != null && metaTile != null;
        return Optional.of(new SceneIdentity(file, tile, time, fromMetadata ? "metadata" : "file name"));
    }

    /** ISO-8601 instant, local date-time (taken as UTC) or date; null when absent or unreadable. */
    static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // not an instant; try the shorter forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant timeFromName(String name) {
        String compact = match(COMPACT_TIME, name);
        if (compact != null) {
            return LocalDateTime.parse(compact, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).toInstant(ZoneOffset.UTC);
        }
        String date = match(DATE, name);
        if (date != null) {
            return parseTime(date);
        }
        String compactDate = match(COMPACT_DATE, name);
        if (compactDate != null) {
            try {
                return LocalDate.parse(compactDate, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** A short label for file and pair names: {@code 20170419T105621}. */
    String timeLabel() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(sensingTime);
    }
}
