package eu.candela.ows.wps10;

import java.util.List;

/** The three WPS 1.0.0 operations, parsed. */
public sealed interface Wps10Request {
    record GetCapabilities(List<String> acceptVersions, String language) implements Wps10Request {
        public GetCapabilities {
            acceptVersions = List.copyOf(acceptVersions);
        }
    }

    /** @param identifiers the requested process ids; {@code ALL} is expanded by the caller */
    record DescribeProcess(List<String> identifiers, String language) implements Wps10Request {
        public DescribeProcess {
            identifiers = List.copyOf(identifiers);
        }
    }

    record Execute(ExecuteRequest request) implements Wps10Request {}
}
