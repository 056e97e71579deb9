package eu.candela.ows.wms;

import eu.candela.ows.render.MapImage;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The map a failed GetMap returns when it asked for {@code EXCEPTIONS=INIMAGE} (the message, word
 * wrapped, in the map) or {@code BLANK} (only the background), so a map client shows something
 * where the map should be.
 */
final class ExceptionImage {
    private static final int MARGIN = 4;

    private ExceptionImage() {}

    static MapImage blank(int width, int height, boolean transparent, int background) {
        int[] argb = new int[width * height];
        Arrays.fill(argb, transparent ? 0 : 0xFF000000 | background);
        return new MapImage(width, height, argb);
    }

    static MapImage withMessage(int width, int height, boolean transparent, int background, String message) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, blank(width, height, transparent, background).argb(), 0, width);
        try {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Color.BLACK);
                FontMetrics metrics = g.getFontMetrics();
                int y = MARGIN + metrics.getAscent();
                for (String line : wrap(message, metrics, width - 2 * MARGIN)) {
                    if (y > height) break;
                    g.drawString(line, MARGIN, y);
                    y += metrics.getHeight();
                }
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | Error e) {
            // A headless JVM without fonts cannot draw text: the blank map still tells the client it failed.
            return blank(width, height, transparent, background);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        return new MapImage(width, height, argb);
    }

    private static List<String> wrap(String message, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : message.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
