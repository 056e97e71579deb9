package eu.candela.launcher.manifests;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's kubectl, run for its built-in kustomize: the same renderer {@code kubectl apply -k}
 * uses, so a test sees exactly what an operator would apply. Absent, it skips the test on a
 * developer's machine but fails it when {@code candela.requireExternalTools=true} (CI), so a
 * missing install step cannot hide behind a skip. {@code -Dcandela.kubectl=/path/to/kubectl}
 * picks another binary than the one on the PATH.
 */
final class Kubectl {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String KUBECTL = System.getProperty("candela.kubectl", "kubectl");

    private Kubectl() {}

    static void require() {
        if (runs(KUBECTL, "version", "--client")) return;
        String what = "kubectl (apt-get install kubernetes-client; .ci/setup-test-tools.sh does it)";
        if (Boolean.getBoolean("candela.requireExternalTools")) {
            throw new AssertionError("Required test tool missing: " + what);
        }
        Assumptions.assumeTrue(false, "skipped, not installed: " + what);
    }

    /** The YAML stream {@code kubectl kustomize dir} prints; fails with kubectl's message when it cannot render. */
    static String kustomize(Path dir) {
        require();
        try {
            Path stderr = Files.createTempFile("kubectl-kustomize", ".err");
            try {
                Process process = new ProcessBuilder(List.of(KUBECTL, "kustomize", dir.toString()))
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                // Read before waiting: a full pipe would otherwise block kubectl.
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): "
                            + Files.readString(stderr));
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
