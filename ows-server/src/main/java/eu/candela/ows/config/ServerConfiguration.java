package eu.candela.ows.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.candela.launcher.spi.Launcher;
import eu.candela.ows.inputs.ReferenceFetcher;
import eu.candela.ows.inputs.ReferencePolicy;
import eu.candela.ows.inputs.ServerLocalReferences;
import eu.candela.ows.jobs.JdbcJobStore;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.WorkflowJobs;
import eu.candela.ows.jobs.WorkflowSettings;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.jobs.JobStore;
import eu.candela.ows.jobs.JobStoreMigrations;
import eu.candela.ows.jobs.ResultFinisher;
import eu.candela.ows.security.Caller;
import eu.candela.ows.security.Callers;
import eu.candela.ows.wps10.InputResolver;
import eu.candela.ows.wps10.ProcessView;
import eu.candela.ows.wps10.ServiceMetadata;
import eu.candela.ows.wps10.Wps10CapabilitiesEncoder;
import eu.candela.ows.wps10.Wps10DescribeProcessEncoder;
import eu.candela.ows.wps10.Wps10ExecuteService;
import eu.candela.ows.wps10.Wps10Service;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.spi.ProcessRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;

/**
 * Wires the plain-Java services of the platform together; the only place that knows them all. The
 * {@code launcher} bean comes from {@link LocalLauncherConfiguration} or
 * {@link KubernetesLauncherConfiguration}, chosen by {@code candela.launcher.type}.
 */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

    @Bean
    ProcessRegistry processRegistry() {
        return ProcessRegistry.discover();
    }

    @Bean
    JobStore jobStore(DataSource dataSource) {
        JobStoreMigrations.migrate(dataSource);
        return new JdbcJobStore(dataSource);
    }

    /** Destroyed before the launcher it depends on, so shutdown cancellations are not recorded as dismissals. */
    @Bean(destroyMethod = "shutdown")
    JobService jobService(JobStore store, Launcher launcher, CandelaProperties properties, ResultFinisher finisher,
                          WorkflowJobs workflows) {
        try {
            Files.createDirectories(properties.jobsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("candela.data-dir: cannot create " + properties.jobsDir(), e);
        }
        return new JobService(store, launcher, properties.jobsDir(), Clock.systemUTC(), finisher, workflows);
    }

    /** Destroyed after the job service and before the launcher its steps run on. */
    @Bean(destroyMethod = "close")
    WorkflowJobs workflowJobs(Launcher launcher, ProcessRegistry registry, CandelaProperties properties) {
        var w = properties.workflows();
        return new WorkflowJobs(launcher, registry, new WorkflowSettings(w.maxConcurrentSteps(), w.maxConcurrentStepsOverall(),
                w.maxRunning(), w.busyRetry(), w.busyTimeout(), w.cancelGrace(), w.claimTimeout()), Optional.of(new EoArchive(properties.eodataDir())));
    }

    @Bean
    ReferenceFetcher referenceFetcher(CandelaProperties properties) {
        var i = properties.inputs();
        return new ReferenceFetcher(new ReferencePolicy(new HashSet<>(i.allowedSchemes()), i.allowedHosts(),
                i.allowPrivateNetworks(), i.maxSize().toBytes(), i.timeout(), i.maxRedirects(), i.onlyAllowedHosts()));
    }

    @Bean
    Wps10Service wps10Service(ProcessView processes, JobService jobs, ReferenceFetcher fetcher,
                              CandelaProperties properties, ObjectMapper json) {
        var local = new ServerLocalReferences(properties.eodataDir(), (jobId, outputId) -> jobOutput(jobs, json, jobId, outputId));
        var execute = new Wps10ExecuteService(processes, jobs, new InputResolver(fetcher, local, new EoArchive(properties.eodataDir())), json,
                properties.wps().syncTimeout(), properties.wps().maxInlineOutputSize().toBytes());
        return new Wps10Service(processes, new Wps10CapabilitiesEncoder(ServiceMetadata.defaults()),
                new Wps10DescribeProcessEncoder(properties.wps().maxRequestSize().toMegabytes()), execute);
    }

    /**
     * The file of a successful job's output, for chaining by reference. Only the caller's own jobs
     * (any job for an operator): resolving runs on the Execute's request thread, which knows the caller.
     */
    private static Optional<Path> jobOutput(JobService jobs, ObjectMapper json, String jobId, String outputId) {
        Caller caller = Callers.current();
        Optional<JobRecord> job = jobs.find(jobId).filter(j -> j.state() == JobState.SUCCESSFUL)
                .filter(j -> caller.mayAccessOwnedBy(j.owner()));
        if (job.isEmpty()) return Optional.empty();
        Path dir = jobs.jobDirectory(jobId);
        JobResult result = Wps10ExecuteService.readResult(job.get(), dir);
        return result.output(outputId).filter(o -> o.path() != null).map(o -> dir.resolve(o.path()));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverJobs(ApplicationReadyEvent event) {
        // at once with one server; with replicas sharing a Kubernetes Lease, on the holder, each time it takes it
        JobService jobs = event.getApplicationContext().getBean(JobService.class);
        event.getApplicationContext().getBean(Launcher.class).whenReconciling(jobs::recoverAfterRestart);
    }
}
