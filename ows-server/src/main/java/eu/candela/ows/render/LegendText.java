package eu.candela.ows.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How legend labels are measured and drawn: with the JDK's fonts when they work, otherwise with a
 * built-in 5x7 bitmap font. A headless JDK without fontconfig or font files throws from the first
 * {@code drawString} (an {@code Error}, not an exception), and a legend must never fail for that.
 */
interface LegendText {
    int LABEL_COLOR = 0xFF000000;

    int width(String text);

    int height();

    /** Draws {@code text} with its top at {@code y}. */
    void draw(BufferedImage image, String text, int x, int y);

    /** The JDK fonts if a probe string can be measured and drawn here, else the bitmap font. */
    static LegendText available() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");   // Spring Boot sets it; a bare JVM on a server may not
        }
        try {
            LegendText awt = new AwtText(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            BufferedImage probe = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
            awt.draw(probe, "-0.5 dB", 0, 0);
            if (awt.width("-0.5 dB") > 0 && awt.height() > 0) return awt;
        } catch (Throwable fontsUnavailable) {   // UnsatisfiedLinkError, InternalError from fontconfig: not fatal here
            return new BitmapText();
        }
        return new BitmapText();
    }

    /** Text through Graphics2D with antialiasing. */
    final class AwtText implements LegendText {
        private final Font font;
        private final FontMetrics metrics;

        AwtText(Font font) {
            this.font = font;
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = scratch.createGraphics();
            try {
                metrics = g.getFontMetrics(font);
            } finally {
                g.dispose();
            }
        }

        @Override
        public int width(String text) { return metrics.stringWidth(text); }

        @Override
        public int height() { return metrics.getAscent() + metrics.getDescent(); }

        @Override
        public void draw(BufferedImage image, String text, int x, int y) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(font);
                g.setColor(new Color(LABEL_COLOR, true));
                g.drawString(text, x, y + metrics.getAscent());
            } finally {
                g.dispose();
            }
        }
    }
}
