package eu.candela.ows.wps10;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.NoSuchJobException;
import eu.candela.ows.jobs.ServerBusyException;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobFileCodec;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The WPS 1.0.0 front of the job engine: validates an Execute, hands it to the {@link JobService}
 * as a job, and renders the job as an ExecuteResponse, a status document or a raw output. It
 * keeps the request's response form with the job so a status document can be rendered after a
 * restart.
 */
public final class Wps10ExecuteService {
    /** Inline values larger than this are not kept in the job record; the lineage says where they went. */
    private static final int MAX_STORED_INLINE_CHARS = 64 * 1024;
    private static final JobFileCodec CODEC = new JobFileCodec();

    private final ProcessView registry;
    private final JobService jobs;
    private final InputResolver resolver;
    private final ObjectMapper json;
    private final Duration syncTimeout;
    private final long maxInlineOutputBytes;
    private final ExecuteValidator validator = new ExecuteValidator();
    private final Wps10ExecuteResponseEncoder encoder = new Wps10ExecuteResponseEncoder();
    private final NestedExecutes nested;

    public Wps10ExecuteService(ProcessView registry, JobService jobs, InputResolver resolver, ObjectMapper json,
                               Duration syncTimeout, long maxInlineOutputBytes) {
        this.registry = registry;
        this.jobs = jobs;
        this.resolver = resolver;
        this.json = json;
        this.syncTimeout = syncTimeout;
        this.maxInlineOutputBytes = maxInlineOutputBytes;
        this.nested = new NestedExecutes(registry, this::runInner, jobs::jobDirectory);
    }

    public OwsResponse execute(ExecuteRequest received, String owner, ServiceUrls urls) {
        ProcessDescriptor process = registry.descriptor(received.processId()).orElseThrow(() ->
                OwsException.invalid("Identifier", "No process named '" + received.processId() + "'"));
        // inputs that are Executes of other processes (chaining) run first; the request then refers to their outputs
        ExecuteRequest request = nested.resolve(process, received, owner, urls);
        validator.validate(process, request);
        JobRecord job = submit(process, request, owner, urls);
        if (request.asynchronous()) {
            return OwsResponse.xml(render(process, job, request, urls));
        }
        JobRecord done;
        try {
            done = jobs.await(job.jobId(), syncTimeout);
        } catch (NoSuchJobException e) {
            throw noSuchJob(job.jobId());
        }
        if (request.responseForm() instanceof ResponseForm.Raw raw) {
            return rawOutput(process, done, raw.output(), urls);
        }
        return OwsResponse.xml(render(process, done, request, urls));
    }

    private JobRecord submit(ProcessDescriptor process, ExecuteRequest request, String owner, ServiceUrls urls) {
        try {
            return jobs.submit(process.id(), owner, storedRequest(request), jobDir -> {
                new JobDirectory(jobDir).writeInputs(resolver.resolve(process, request, jobDir, urls.base()));
            });
        } catch (ServerBusyException e) {
            throw new OwsException(OwsExceptionCode.ServerBusy, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inputs of a new job", e);
        }
    }

    /**
     * A nested Execute: a job of the same owner, waited for as long as a synchronous Execute; one
     * that takes longer is dismissed, so no inner job outlives the request that needed it.
     */
    private JobRecord runInner(ProcessDescriptor process, ExecuteRequest request, String owner, ServiceUrls urls) {
        validator.validate(process, request);
        JobRecord job = submit(process, request, owner, urls);
        try {
            JobRecord done = jobs.await(job.jobId(), syncTimeout);
            return done.state().isTerminal() ? done : jobs.dismiss(job.jobId());
        } catch (NoSuchJobException e) {
            throw noSuchJob(job.jobId());
        }
    }

    /** The stored ExecuteResponse at a job's statusLocation. */
    public OwsResponse status(String jobId, ServiceUrls urls) {
        JobRecord job = jobs.find(jobId).orElseThrow(() -> noSuchJob(jobId));
        ProcessDescriptor process = registry.descriptor(job.processId()).orElseThrow(() -> noSuchJob(jobId));
        return OwsResponse.xml(render(process, job, readRequest(job), urls));
    }

    /** One output of a finished job, as served at the reference URL. */
    public OwsResponse output(String jobId, String outputId, ServiceUrls urls) {
        JobRecord job = jobs.find(jobId).orElseThrow(() -> noSuchJob(jobId));
        ProcessDescriptor process = registry.descriptor(job.processId()).orElseThrow(() -> noSuchJob(jobId));
        return rawOutput(process, job, OutputDefinition.of(outputId), urls);
    }

    public OwsResponse dismiss(String jobId, ServiceUrls urls) {
        try {
            jobs.dismiss(jobId);
        } catch (NoSuchJobException e) {
            throw noSuchJob(jobId);
        }
        return status(jobId, urls);
    }

    private OwsResponse rawOutput(ProcessDescriptor process, JobRecord job, OutputDefinition def, ServiceUrls urls) {
        switch (job.state()) {
            case SUCCESSFUL -> { }
            case FAILED, DISMISSED -> throw new OwsException(OwsExceptionCode.NoApplicableCode, job.jobId(),
                    "Process " + process.id() + " " + job.state().id() + ": " + job.message());
            default -> throw new OwsException(OwsExceptionCode.NoApplicableCode, job.jobId(),
                    "Job " + job.jobId() + " has not finished yet (" + job.percentCompleted() + " % done)", 409);
        }
        OutputValue value = result(job, urls).outputs().stream().filter(o -> o.id().equals(def.id())).findFirst()
                .orElseThrow(() -> OwsException.invalid(def.id(), "Job " + job.jobId() + " has no output '" + def.id() + "'"));
        if (value.path() == null) {
            return OwsResponse.of(200, "text/plain; charset=UTF-8", String.valueOf(value.literal()).getBytes(StandardCharsets.UTF_8));
        }
        return OwsResponse.file(value.mimeType(), jobs.jobDirectory(job.jobId()).resolve(value.path()));
    }

    private byte[] render(ProcessDescriptor process, JobRecord job, ExecuteRequest request, ServiceUrls urls) {
        ResponseForm.Document form = request.responseForm() instanceof ResponseForm.Document d ? d : ResponseForm.Document.defaults();
        boolean stored = form.storeExecuteResponse();
        ExecutionView.Phase phase = switch (job.state()) {
            case ACCEPTED -> ExecutionView.Phase.ACCEPTED;
            // status=false asks for no progress updates in the stored document
            case RUNNING -> stored && !form.status() ? ExecutionView.Phase.ACCEPTED : ExecutionView.Phase.STARTED;
            case SUCCESSFUL -> ExecutionView.Phase.SUCCEEDED;
            case FAILED, DISMISSED -> ExecutionView.Phase.FAILED;
        };
        String message = job.state().name().equals("DISMISSED") ? "Dismissed: " + job.message() : job.message();
        List<ExecutionView.OutputContent> outputs = phase == ExecutionView.Phase.SUCCEEDED
                ? outputs(process, job, form, urls) : List.of();
        ExecutionView view = new ExecutionView(job.jobId(), phase, job.percentCompleted(), message, job.created(), outputs);
        List<InputSpec> lineage = form.lineage() ? request.inputs() : null;
        return encoder.encode(process, view, urls.capabilities(), stored ? urls.status(job.jobId()) : null, form,
                lineage, id -> process.input(id).map(i -> i.title()).orElse(id));
    }

    private List<ExecutionView.OutputContent> outputs(ProcessDescriptor process, JobRecord job, ResponseForm.Document form,
                                                      ServiceUrls urls) {
        JobResult result = result(job, urls);
        List<OutputDefinition> wanted = form.outputs().isEmpty()
                ? process.outputs().stream().map(o -> OutputDefinition.of(o.id())).toList() : form.outputs();
        List<ExecutionView.OutputContent> contents = new ArrayList<>();
        Path jobDir = jobs.jobDirectory(job.jobId());
        for (OutputDefinition def : wanted) {
            OutputDescriptor desc = process.output(def.id()).orElseThrow();
            Optional<OutputValue> value = result.outputs().stream().filter(o -> o.id().equals(def.id())).findFirst();
            if (value.isEmpty()) continue;
            OutputValue v = value.get();
            if (desc.kind() == DataKind.LITERAL || v.path() == null) {
                contents.add(new ExecutionView.OutputContent(def.id(), desc.title(), null,
                        def.asReference() ? urls.output(job.jobId(), def.id()) : null, v.literal(), null,
                        v.dataType(), !def.asReference()));
                continue;
            }
            String mimeType = def.mimeType() != null ? def.mimeType() : v.mimeType();
            Path file = jobDir.resolve(v.path());
            if (def.asReference() || size(file) > maxInlineOutputBytes) {
                contents.add(new ExecutionView.OutputContent(def.id(), desc.title(), mimeType,
                        urls.output(job.jobId(), def.id()), null, null, null, false));
            } else if (isText(mimeType)) {
                contents.add(new ExecutionView.OutputContent(def.id(), desc.title(), mimeType, null,
                        read(file, true), null, null, false));
            } else {
                contents.add(new ExecutionView.OutputContent(def.id(), desc.title(), mimeType, null,
                        read(file, false), "base64", null, false));
            }
        }
        return contents;
    }

    private JobResult result(JobRecord job, ServiceUrls urls) {
        return registry.result(readResult(job, jobs.jobDirectory(job.jobId())), urls);
    }

    /** The result a successful job recorded (its result.json as stored in the job record). */
    public static JobResult readResult(JobRecord job, Path jobDir) {
        try {
            return CODEC.decode(job.outputs().getBytes(StandardCharsets.UTF_8), JobResult.class, jobDir.resolve("result.json"));
        } catch (IOException e) {
            throw new IllegalStateException("job " + job.jobId() + " has an unreadable result", e);
        }
    }

    private String storedRequest(ExecuteRequest request) {
        List<InputSpec> slim = request.inputs().stream().map(i -> i instanceof InputSpec.Complex c
                && c.content().length() > MAX_STORED_INLINE_CHARS
                ? new InputSpec.Complex(c.id(), "(" + c.content().length() + " characters of inline data, stored with the job's inputs)",
                c.mimeType(), null, c.schema())
                : i).toList();
        try {
            return json.writeValueAsString(new ExecuteRequest(request.processId(), slim, request.responseForm(), request.language()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the request", e);
        }
    }

    private ExecuteRequest readRequest(JobRecord job) {
        try {
            return json.readValue(job.frontRequest(), ExecuteRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A job submitted through another front: render it with the default response form.
            return new ExecuteRequest(job.processId(), List.of(), new ResponseForm.Document(List.of(), true, false, true), null);
        }
    }

    private static OwsException noSuchJob(String jobId) {
        return new OwsException(OwsExceptionCode.NoSuchJob, "jobId", "No job with id '" + jobId + "'");
    }

    private static boolean isText(String mimeType) {
        String m = mimeType.toLowerCase();
        return m.contains("json") || m.startsWith("text/");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file, boolean text) {
        try {
            return text ? Files.readString(file, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
