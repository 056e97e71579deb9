package eu.candela.ows.wps10;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.inputs.LinkedCopies;
import eu.candela.ows.inputs.LocalReferences;
import eu.candela.ows.inputs.ReferenceFetcher;
import eu.candela.ows.inputs.ReferenceRefusedException;
import eu.candela.wps.jobdir.BoundingBoxValue;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InlineValue;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the validated inputs of an Execute into the job directory's {@code inputs.json}: literals
 * typed, inline base64 decoded to files, references fetched (under the reference policy) or mapped
 * to this server's own files, defaults left to the process.
 *
 * <p>{@code inputs.json} holds no path of this server, because the job may run where only its job
 * directory and the EO archive are mounted (a Kubernetes pod sees {@code /job} and {@code /eodata}):
 * a file or folder of the archive is written {@code eodata:<path in the archive>} ({@link EoArchive}),
 * any other local file (an earlier job's output, chaining by reference) is hard-linked into the job's
 * {@code inputs/} (copied where a link cannot be made) and written relative to the job directory.
 */
public final class InputResolver {
    private final ReferenceFetcher fetcher;
    private final LocalReferences localReferences;
    private final EoArchive eoArchive;

    /** @param eoArchive the archive as this server sees it, to name its files portably */
    public InputResolver(ReferenceFetcher fetcher, LocalReferences localReferences, EoArchive eoArchive) {
        this.fetcher = fetcher;
        this.localReferences = localReferences;
        this.eoArchive = eoArchive;
    }

    public JobInputs resolve(ProcessDescriptor process, ExecuteRequest request, Path jobDir, String baseUrl) {
        Map<String, List<InputValue>> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (InputSpec in : request.inputs()) {
            InputDescriptor desc = process.input(in.id()).orElseThrow();
            int n = counts.merge(in.id(), 1, Integer::sum);
            values.computeIfAbsent(in.id(), k -> new ArrayList<>()).add(value(desc, in, jobDir, n, baseUrl));
        }
        return new JobInputs(process.id(), values);
    }

    private InputValue value(InputDescriptor desc, InputSpec in, Path jobDir, int occurrence, String baseUrl) {
        if (in instanceof InputSpec.Literal l) {
            return new LiteralValue(String.valueOf(desc.parseLiteral(l.value())));
        }
        if (in instanceof InputSpec.BoundingBox b) {
            return new BoundingBoxValue(toArray(b.lower()), toArray(b.upper()),
                    b.crs() != null ? b.crs() : desc.supportedCrs().isEmpty() ? "EPSG:4326" : desc.supportedCrs().get(0));
        }
        if (in instanceof InputSpec.Complex c) {
            return complex(desc, c, jobDir, occurrence);
        }
        return reference(desc, (InputSpec.Reference) in, jobDir, occurrence, baseUrl);
    }

    private InputValue complex(InputDescriptor desc, InputSpec.Complex c, Path jobDir, int occurrence) {
        if (MediaTypes.isProduct(desc)) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id()
                    + "' is a product folder (*.SAFE): pass it by reference to this server's /eodata/ URL, not inline");
        }
        String mimeType = c.mimeType() != null ? c.mimeType() : desc.formats().get(0).mimeType();
        if (!c.base64()) {
            return new InlineValue(c.content(), mimeType);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(c.content());
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' is not valid base64: " + e.getMessage());
        }
        Path file = inputFile(jobDir, desc, extension(mimeType), occurrence);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkContent(desc, mimeType, file);
        return new FileValue(jobDir.relativize(file).toString(), mimeType);
    }

    private InputValue reference(InputDescriptor desc, InputSpec.Reference r, Path jobDir, int occurrence, String baseUrl) {
        if (desc.kind() == DataKind.LITERAL) {
            throw new OwsException(OwsExceptionCode.OptionNotSupported, desc.id(),
                    "Literal input '" + desc.id() + "' cannot be passed by reference");
        }
        String mimeType = r.mimeType() != null ? r.mimeType() : desc.formats().get(0).mimeType();
        if (MediaTypes.isProduct(desc)) {
            return product(desc, r, mimeType, baseUrl, jobDir, occurrence);
        }
        Optional<Path> local = localReferences.resolve(r.href(), baseUrl);
        if (local.isPresent()) {
            checkContent(desc, mimeType, local.get());
            return new FileValue(portablePath(desc, local.get(), jobDir, mimeType, occurrence), mimeType);
        }
        Path file = inputFile(jobDir, desc, extension(mimeType), occurrence);
        try {
            fetcher.fetch(r.href(), r.method(), r.body(), r.headers(), file);
        } catch (ReferenceRefusedException e) {
            throw new OwsException(e.tooLarge() ? OwsExceptionCode.FileSizeExceeded : OwsExceptionCode.InvalidParameterValue,
                    desc.id(), "Reference for input '" + desc.id() + "' refused: " + e.getMessage());
        }
        checkContent(desc, mimeType, file);
        if (isText(mimeType)) {
            try {
                return new InlineValue(Files.readString(file, StandardCharsets.UTF_8), mimeType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FileValue(jobDir.relativize(file).toString(), mimeType);
    }

    /**
     * A product folder is never downloaded: the reference must name a {@code *.SAFE} folder (or a
     * file in one) of this server's EO archive, and the job gets the folder as {@code eodata:<path>}.
     */
    private InputValue product(InputDescriptor desc, InputSpec.Reference r, String mimeType, String baseUrl,
                               Path jobDir, int occurrence) {
        Path folder = localReferences.resolveProduct(r.href(), baseUrl).orElseThrow(() -> OwsException.invalid(desc.id(),
                "Input '" + desc.id() + "' must reference a product folder (*.SAFE) of this server's EO data archive, "
                        + "such as " + baseUrl.replaceAll("/$", "") + "/eodata/<path>.SAFE; '" + r.href() + "' is not one"));
        return new FileValue(portablePath(desc, folder, jobDir, mimeType, occurrence), mimeType);
    }

    /** {@code eodata:<path>} for the archive's content, else a link in the job's {@code inputs/}, relative. */
    private String portablePath(InputDescriptor desc, Path local, Path jobDir, String mimeType, int occurrence) {
        Optional<String> inArchive = eoArchive.referenceOf(local);
        if (inArchive.isPresent()) {
            return inArchive.get();
        }
        Path linked = inputFile(jobDir, desc, Files.isDirectory(local) ? folderSuffix(local) : extension(mimeType), occurrence);
        try {
            LinkedCopies.linkOrCopy(local, linked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place " + local + " in the job directory", e);
        }
        return jobDir.relativize(linked).toString().replace(java.io.File.separatorChar, '/');
    }

    /** A cheap header probe, so a wrong file is refused now rather than failing the job later. */
    private static void checkContent(InputDescriptor desc, String mimeType, Path file) {
        if (!mimeType.toLowerCase(Locale.ROOT).startsWith("image/tiff")) return;
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean tiff = n == 4 && ((head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43)));
        if (!tiff) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' is declared " + mimeType + " but is not a TIFF file");
        }
    }

    private static Path inputFile(Path jobDir, InputDescriptor desc, String extension, int occurrence) {
        try {
            Path dir = Files.createDirectories(jobDir.resolve("inputs"));
            return dir.resolve(desc.id() + (occurrence > 1 ? "-" + occurrence : "") + extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder keeps its suffix ({@code .SAFE}): readers recognise products by it. */
    private static String folderSuffix(Path folder) {
        String name = folder.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static String extension(String mimeType) {
        String m = mimeType.toLowerCase(Locale.ROOT);
        if (m.startsWith("image/tiff")) return ".tif";
        if (m.contains("json")) return ".json";
        if (m.contains("xml")) return ".xml";
        return ".bin";
    }

    private static boolean isText(String mimeType) {
        String m = MediaTypes.normalize(mimeType);
        return m.contains("json") || m.startsWith("text/") || m.contains("xml");
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
