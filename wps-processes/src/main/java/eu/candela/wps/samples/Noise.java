package eu.candela.wps.samples;

/**
 * Seeded noise that is a pure function of pixel coordinates, so any block of the scene can be
 * generated on its own, in any order, with the same result: the generator needs no whole-image
 * array however large the scene.
 */
final class Noise {

    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A well-mixed 64-bit hash of (x, y, salt) under this seed (SplitMix64 finalizer). */
    long hash(long x, long y, long salt) {
        long z = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL) ^ (salt * 0x165667B19E3779F9L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform(long x, long y, long salt) {
        return (hash(x, y, salt) >>> 11) * 0x1.0p-53;
    }

    /**
     * Approximately standard normal: the sum of four 16-bit uniforms from one hash (Irwin-Hall),
     * centred and scaled to unit variance. Bounded at +-3.46, which suits sensor noise and texture,
     * and several times cheaper than Box-Muller, which matters at 30 calls per pixel.
     */
    double gaussian(long x, long y, long salt) {
        long h = hash(x, y, salt);
        long sum = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48);
        return (sum / 65536.0 - 2.0) * SQRT_3;
    }

    private static final double SQRT_3 = Math.sqrt(3);

    /** Smooth value noise in [-1, 1] with features about {@code scale} pixels across. */
    double value(double x, double y, double scale, long salt) {
        double fx = x / scale;
        double fy = y / scale;
        long ix = (long) Math.floor(fx);
        long iy = (long) Math.floor(fy);
        double tx = smooth(fx - ix);
        double ty = smooth(fy - iy);
        double a = lattice(ix, iy, salt);
        double b = lattice(ix + 1, iy, salt);
        double c = lattice(ix, iy + 1, salt);
        double d = lattice(ix + 1, iy + 1, salt);
        return lerp(lerp(a, b, tx), lerp(c, d, tx), ty);
    }

    /** Two octaves of value noise, roughly in [-1, 1]. */
    double fractal(double x, double y, double scale, long salt) {
        return 0.7 * value(x, y, scale, salt) + 0.3 * value(x, y, scale / 2.7, salt + 1);
    }

    private double lattice(long ix, long iy, long salt) {
        return uniform(ix, iy, salt) * 2.0 - 1.0;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
