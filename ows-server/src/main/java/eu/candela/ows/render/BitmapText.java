package eu.candela.ows.render;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * A 5x7 pixel font for digits, capital letters (lower case is drawn in capitals) and the signs legend
 * labels use, so legends need no font files. Unknown characters draw as '?'.
 */
final class BitmapText implements LegendText {
    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;
    private static final int ADVANCE = GLYPH_WIDTH + 1;

    /** Each glyph: 7 rows, top first, of 5 bits, the most significant bit leftmost. */
    private static final Map<Character, int[]> GLYPHS = new HashMap<>();

    static {
        glyph('0', "0E 11 13 15 19 11 0E");
        glyph('1', "04 0C 04 04 04 04 0E");
        glyph('2', "0E 11 01 02 04 08 1F");
        glyph('3', "1F 02 04 02 01 11 0E");
        glyph('4', "02 06 0A 12 1F 02 02");
        glyph('5', "1F 10 1E 01 01 11 0E");
        glyph('6', "06 08 10 1E 11 11 0E");
        glyph('7', "1F 01 02 04 08 08 08");
        glyph('8', "0E 11 11 0E 11 11 0E");
        glyph('9', "0E 11 11 0F 01 02 0C");
        glyph('A', "0E 11 11 11 1F 11 11");
        glyph('B', "1E 11 11 1E 11 11 1E");
        glyph('C', "0E 11 10 10 10 11 0E");
        glyph('D', "1C 12 11 11 11 12 1C");
        glyph('E', "1F 10 10 1E 10 10 1F");
        glyph('F', "1F 10 10 1E 10 10 10");
        glyph('G', "0E 11 10 17 11 11 0F");
        glyph('H', "11 11 11 1F 11 11 11");
        glyph('I', "0E 04 04 04 04 04 0E");
        glyph('J', "07 02 02 02 02 12 0C");
        glyph('K', "11 12 14 18 14 12 11");
        glyph('L', "10 10 10 10 10 10 1F");
        glyph('M', "11 1B 15 15 11 11 11");
        glyph('N', "11 11 19 15 13 11 11");
        glyph('O', "0E 11 11 11 11 11 0E");
        glyph('P', "1E 11 11 1E 10 10 10");
        glyph('Q', "0E 11 11 11 15 12 0D");
        glyph('R', "1E 11 11 1E 14 12 11");
        glyph('S', "0F 10 10 0E 01 01 1E");
        glyph('T', "1F 04 04 04 04 04 04");
        glyph('U', "11 11 11 11 11 11 0E");
        glyph('V', "11 11 11 11 11 0A 04");
        glyph('W', "11 11 11 15 15 15 0A");
        glyph('X', "11 11 0A 04 0A 11 11");
        glyph('Y', "11 11 11 0A 04 04 04");
        glyph('Z', "1F 01 02 04 08 10 1F");
        glyph(' ', "00 00 00 00 00 00 00");
        glyph('.', "00 00 00 00 00 0C 0C");
        glyph(',', "00 00 00 00 0C 04 08");
        glyph('-', "00 00 00 1F 00 00 00");
        glyph('+', "00 04 04 1F 04 04 00");
        glyph(':', "00 0C 0C 00 0C 0C 00");
        glyph('%', "18 19 02 04 08 13 03");
        glyph('<', "02 04 08 10 08 04 02");
        glyph('>', "08 04 02 01 02 04 08");
        glyph('=', "00 00 1F 00 1F 00 00");
        glyph('(', "02 04 08 08 08 04 02");
        glyph(')', "08 04 02 02 02 04 08");
        glyph('/', "00 01 02 04 08 10 00");
        glyph('_', "00 00 00 00 00 00 1F");
        glyph('?', "0E 11 01 02 04 00 04");
    }

    private static void glyph(char c, String rows) {
        String[] hex = rows.split(" ");
        int[] bits = new int[GLYPH_HEIGHT];
        for (int i = 0; i < GLYPH_HEIGHT; i++) bits[i] = Integer.parseInt(hex[i], 16);
        GLYPHS.put(c, bits);
    }

    /** The rows of the glyph drawn for {@code c}. */
    static int[] glyphOf(char c) {
        int[] g = GLYPHS.get(Character.toUpperCase(c));
        return g != null ? g : GLYPHS.get('?');
    }

    @Override
    public int width(String text) {
        return text.isEmpty() ? 0 : text.length() * ADVANCE - 1;
    }

    @Override
    public int height() { return GLYPH_HEIGHT; }

    @Override
    public void draw(BufferedImage image, String text, int x, int y) {
        for (int k = 0; k < text.length(); k++) {
            int[] rows = glyphOf(text.charAt(k));
            int left = x + k * ADVANCE;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if ((rows[row] >> (GLYPH_WIDTH - 1 - col) & 1) != 0) {
                        int px = left + col;
                        int py = y + row;
                        if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()) {
                            image.setRGB(px, py, LABEL_COLOR);
                        }
                    }
                }
            }
        }
    }
}
