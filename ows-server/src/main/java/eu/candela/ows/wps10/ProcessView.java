package eu.candela.ows.wps10;

import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.ProcessRegistry;

import java.util.List;
import java.util.Optional;

/**
 * Processes and their results as clients see them: what the process registry declares, plus what
 * the server adds around a run (the map layers of published rasters, see
 * {@code eu.candela.ows.publish.LayerOutputs}).
 */
public interface ProcessView {
    List<ProcessDescriptor> descriptors();

    Optional<ProcessDescriptor> descriptor(String processId);

    /** A stored result completed with what depends on the address the client used. */
    JobResult result(JobResult stored, ServiceUrls urls);

    /** The registry as it is. */
    static ProcessView of(ProcessRegistry registry) {
        return new ProcessView() {
            @Override
            public List<ProcessDescriptor> descriptors() { return registry.descriptors(); }

            @Override
            public Optional<ProcessDescriptor> descriptor(String processId) { return registry.descriptor(processId); }

            @Override
            public JobResult result(JobResult stored, ServiceUrls urls) { return stored; }
        };
    }
}
