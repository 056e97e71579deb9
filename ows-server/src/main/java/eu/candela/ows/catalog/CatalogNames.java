package eu.candela.ows.catalog;

import java.util.regex.Pattern;

/**
 * The one rule for names of workspaces, stores, layers and styles. Names become file names in the
 * data directory and parts of URLs, so only letters, digits, '_', '-' and '.' (not first) are allowed:
 * no separators, no "..", nothing to escape.
 */
public final class CatalogNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private CatalogNames() {}

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code name} breaks the rule */
    public static String check(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " name must be 1-128 letters, digits, '_', '-' or '.' (not first): "
                    + (name == null ? "null" : '"' + name + '"'));
        }
        return name;
    }
}
