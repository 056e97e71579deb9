package eu.candela.ows.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium, headless, on a fresh profile: loads a page, lets its scripts and requests run
 * for a virtual-time budget, then dumps the DOM or takes a screenshot. The flags keep it off the
 * network it would otherwise call home to (the sandbox has none).
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** The DOM after the page's scripts ran, as Chromium serialises it. */
    public static String dumpDom(String url, Duration budget) throws IOException, InterruptedException {
        ToolRun run = run(url, budget, "--dump-dom");
        if (!run.succeeded()) throw new IllegalStateException("chromium failed: " + run.output());
        int html = run.output().indexOf("<html");
        return html < 0 ? run.output() : run.output().substring(html);
    }

    /** A PNG screenshot of the page at {@code width} x {@code height}. */
    public static void screenshot(String url, Duration budget, Path png, int width, int height) throws IOException, InterruptedException {
        ToolRun run = run(url, budget, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!run.succeeded() || !Files.isRegularFile(png)) throw new IllegalStateException("chromium failed: " + run.output());
    }

    private static ToolRun run(String url, Duration budget, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("candela-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(ExternalTools.CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--virtual-time-budget=" + budget.toMillis()));
            command.addAll(List.of(action));
            command.add(url);
            return ToolRun.run(budget.plusSeconds(60), command);
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
