package eu.candela.ows.wps10;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobState;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.ProcessDescriptor;

/**
 * WPS process chaining the way GeoServer offers it: an Execute input given as a {@code wps:Reference}
 * to this server's own WPS, with a {@code wps:Body} that is an Execute of another process (or as a
 * KVP Execute address), is resolved by the server itself. The inner Execute runs as a job of the
 * same owner (under the same limits), the outer request waits for it, and its output (the one its
 * {@code RawDataOutput} or single {@code ResponseDocument/Output} names, or its only output) replaces
 * the input: a file becomes a reference to the inner job's output, which the server reads from its
 * own disk; a literal becomes the literal.
 *
 * <p>Every failure of an inner Execute is an OWS exception whose locator is the outer input, so a
 * client sees which input of its request went wrong. Inner Executes may themselves chain, up to
 * {@link #MAX_DEPTH} levels.
 */
final class NestedExecutes {
    static final int MAX_DEPTH = 3;

    /** Runs an inner Execute as a job of {@code owner} and waits for it to end (or the wait to time out). */
    @FunctionalInterface
    interface InnerRunner {
        JobRecord run(ProcessDescriptor process, ExecuteRequest request, String owner, ServiceUrls urls);
    }

    private final ProcessView processes;
    private final InnerRunner runner;
    private final Function<String, Path> jobDirectories;
    private final Wps10XmlParser xml = new Wps10XmlParser();
    private final Wps10KvpParser kvp;

    /** @param jobDirectories the job directory of a job id */
    NestedExecutes(ProcessView processes, InnerRunner runner, Function<String, Path> jobDirectories) {
        this.processes = processes;
        this.runner = runner;
        this.jobDirectories = jobDirectories;
        this.kvp = new Wps10KvpParser(processes::descriptor);
    }

    /** {@code request} with every nested Execute input run and replaced by its output. */
    ExecuteRequest resolve(ProcessDescriptor process, ExecuteRequest request, String owner, ServiceUrls urls) {
        return resolve(process, request, owner, urls, 0);
    }

    private ExecuteRequest resolve(ProcessDescriptor process, ExecuteRequest request, String owner, ServiceUrls urls, int depth) {
        List<InputSpec> inputs = new ArrayList<>();
        boolean changed = false;
        for (InputSpec in : request.inputs()) {
            if (in instanceof InputSpec.Reference r && isThisServersWps(r.href(), urls)) {
                if (process.input(in.id()).isEmpty()) {
                    throw OwsException.invalid(in.id(), "Input '" + in.id() + "' is not an input of process " + process.id());
                }
                if (depth >= MAX_DEPTH) {
                    throw OwsException.invalid(in.id(), "Input '" + in.id() + "': Executes are nested more than "
                            + MAX_DEPTH + " levels deep");
                }
                inputs.add(run(in.id(), r, owner, urls, depth + 1));
                changed = true;
            } else {
                inputs.add(in);
            }
        }
        return changed ? new ExecuteRequest(request.processId(), inputs, request.responseForm(), request.language()) : request;
    }

    private InputSpec run(String outerId, InputSpec.Reference reference, String owner, ServiceUrls urls, int depth) {
        ExecuteRequest inner = innerRequest(outerId, reference);
        ProcessDescriptor innerProcess = processes.descriptor(inner.processId()).orElseThrow(() ->
                OwsException.invalid(outerId, "Input '" + outerId + "': the nested Execute names no known process: '"
                        + inner.processId() + "'"));
        String outputId = outputId(outerId, innerProcess, inner);
        JobRecord job;
        try {
            ExecuteRequest resolvedInner = resolve(innerProcess, inner, owner, urls, depth);
            job = runner.run(innerProcess, resolvedInner, owner, urls);
        } catch (OwsException e) {
            throw new OwsException(e.code(), outerId, "Input '" + outerId + "': the nested Execute of " + innerProcess.id()
                    + " was refused: " + e.getMessage(), e);
        }
        if (job.state() != JobState.SUCCESSFUL) {
            String what = job.state().isTerminal() ? job.state().id() + ": " + job.message()
                    : "did not finish in time (job " + job.jobId() + " was dismissed)";
            throw new OwsException(OwsExceptionCode.NoApplicableCode, outerId, "Input '" + outerId + "': the nested Execute of "
                    + innerProcess.id() + " " + what);
        }
        JobResult result = Wps10ExecuteService.readResult(job, jobDirectories.apply(job.jobId()));
        Optional<OutputValue> output = result.output(outputId);
        if (output.isEmpty()) {
            throw new OwsException(OwsExceptionCode.NoApplicableCode, outerId, "Input '" + outerId + "': the nested Execute of "
                    + innerProcess.id() + " produced no output '" + outputId + "'");
        }
        OutputValue value = output.get();
        if (value.isFile()) {
            return new InputSpec.Reference(outerId, urls.output(job.jobId(), outputId), reference.mimeType(), null, null,
                    "GET", null, Map.of());
        }
        return new InputSpec.Literal(outerId, value.literal(), null, null);
    }

    /** The inner Execute: the reference's body (POST) or its KVP address (GET). */
    private ExecuteRequest innerRequest(String outerId, InputSpec.Reference reference) {
        Wps10Request parsed;
        try {
            if (reference.body() != null && !reference.body().isBlank()) {
                parsed = xml.parse(new ByteArrayInputStream(reference.body().getBytes(StandardCharsets.UTF_8)));
            } else {
                String query = URI.create(reference.href().trim()).getRawQuery();
                parsed = kvp.parse(query == null ? "" : query);
            }
        } catch (OwsException e) {
            throw new OwsException(e.code(), outerId, "Input '" + outerId + "': the nested Execute is invalid: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(outerId, "Input '" + outerId + "': the nested Execute is invalid: " + e.getMessage());
        }
        if (!(parsed instanceof Wps10Request.Execute execute)) {
            throw OwsException.invalid(outerId, "Input '" + outerId + "' refers to this server's WPS, but not with an Execute");
        }
        return execute.request();
    }

    /** Which output of the inner process feeds the outer input. */
    private static String outputId(String outerId, ProcessDescriptor inner, ExecuteRequest request) {
        String named = null;
        if (request.responseForm() instanceof ResponseForm.Raw raw) {
            named = raw.output().id();
        } else if (request.responseForm() instanceof ResponseForm.Document doc && doc.outputs().size() == 1) {
            named = doc.outputs().get(0).id();
        } else if (inner.outputs().size() == 1) {
            named = inner.outputs().get(0).id();
        }
        if (named == null) {
            throw OwsException.invalid(outerId, "Input '" + outerId + "': process " + inner.id() + " has "
                    + inner.outputs().size() + " outputs; name the one to use with wps:RawDataOutput");
        }
        String id = named;
        if (inner.output(id).isEmpty()) {
            throw OwsException.invalid(outerId, "Input '" + outerId + "': process " + inner.id() + " has no output '" + id + "'");
        }
        return id;
    }

    /** Whether {@code href} is this server's WPS endpoint (with or without a query). */
    static boolean isThisServersWps(String href, ServiceUrls urls) {
        String h = href.trim();
        int query = h.indexOf('?');
        String address = query < 0 ? h : h.substring(0, query);
        if (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        return address.equalsIgnoreCase(urls.wps());
    }
}
