package eu.candela.ows.inputs;

import eu.candela.ows.eodata.EoDataController;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * This server's own content, recognised by its base URL: {@code <base>/eodata/<path>} is a file
 * of the EO data archive, {@code <base>/wps/jobs/<job>/outputs/<output>} the output of an earlier
 * job (WPS chaining by reference).
 */
public final class ServerLocalReferences implements LocalReferences {
    private static final String OUTPUTS = "/outputs/";
    private final Path eodataRoot;
    private final BiFunction<String, String, Optional<Path>> jobOutputs;

    /**
     * @param eodataRoot the archive root served at /eodata
     * @param jobOutputs maps (job id, output id) to the file of a successful job's output
     */
    public ServerLocalReferences(Path eodataRoot, BiFunction<String, String, Optional<Path>> jobOutputs) {
        this.eodataRoot = eodataRoot;
        this.jobOutputs = jobOutputs;
    }

    @Override
    public Optional<Path> resolveProduct(String href, String baseUrl) {
        return serverPath(href, baseUrl)
                .filter(path -> path.startsWith(EoDataController.PREFIX))
                .flatMap(path -> EoDataController.resolveProduct(eodataRoot, path.substring(EoDataController.PREFIX.length())));
    }

    /** The path part of {@code href} below this server's base URL, or empty when it is another server's. */
    private static Optional<String> serverPath(String href, String baseUrl) {
        String prefix = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String h = href.trim();
        if (!h.startsWith(prefix + "/")) return Optional.empty();
        try {
            return Optional.ofNullable(URI.create(h.substring(prefix.length()).replace(" ", "%20")).getPath());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Path> resolve(String href, String baseUrl) {
        Optional<String> serverPath = serverPath(href, baseUrl);
        if (serverPath.isEmpty()) return Optional.empty();
        String path = serverPath.get();
        if (path.startsWith(EoDataController.PREFIX)) {
            return EoDataController.resolve(eodataRoot, path.substring(EoDataController.PREFIX.length()));
        }
        if (path.startsWith("/wps/jobs/") && path.contains(OUTPUTS)) {
            String rest = path.substring("/wps/jobs/".length());
            int cut = rest.indexOf(OUTPUTS);
            return jobOutputs.apply(rest.substring(0, cut), rest.substring(cut + OUTPUTS.length()));
        }
        return Optional.empty();
    }
}
