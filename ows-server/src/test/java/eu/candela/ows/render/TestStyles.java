package eu.candela.ows.render;

import eu.candela.ows.style.RasterStyle;

/** Styles the renderer tests share; the sampling layer ignores them, painting uses them. */
final class TestStyles {
    static final RasterStyle GREY = new RasterStyle("grey", "", null, null, null, 1);

    private TestStyles() {}
}
