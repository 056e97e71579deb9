package eu.candela.ows.render;

/** How source samples are picked for a map pixel. */
public enum Interpolation { NEAREST, BILINEAR }
