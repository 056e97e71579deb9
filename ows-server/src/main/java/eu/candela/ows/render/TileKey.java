package eu.candela.ows.render;

import java.nio.file.Path;

/**
 * One decoded tile of one opening of a coverage file.
 *
 * @param file       the coverage
 * @param generation which opening of the file (a replaced file gets a new one, so stale tiles never match)
 * @param level      0 for full resolution, n for overview n
 * @param column     tile column in that level
 * @param row        tile row in that level
 */
record TileKey(Path file, long generation, int level, int column, int row) {}
