package eu.candela.ows.wps10;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;

import java.io.InputStream;

/** Dispatches a parsed WPS 1.0.0 request to the encoder or the execute service that answers it. */
public final class Wps10Service {
    private final ProcessView registry;
    private final Wps10CapabilitiesEncoder capabilities;
    private final Wps10DescribeProcessEncoder describe;
    private final Wps10ExecuteService execute;
    private final Wps10KvpParser kvp;
    private final Wps10XmlParser xml = new Wps10XmlParser();

    public Wps10Service(ProcessView registry, Wps10CapabilitiesEncoder capabilities,
                        Wps10DescribeProcessEncoder describe, Wps10ExecuteService execute) {
        this.registry = registry;
        this.capabilities = capabilities;
        this.describe = describe;
        this.execute = execute;
        this.kvp = new Wps10KvpParser(registry::descriptor);
    }

    public OwsResponse get(String rawQuery, String owner, ServiceUrls urls) {
        return answer(kvp.parse(rawQuery), owner, urls);
    }

    public OwsResponse post(InputStream body, String owner, ServiceUrls urls) {
        return answer(xml.parse(body), owner, urls);
    }

    public Wps10ExecuteService executeService() { return execute; }

    private OwsResponse answer(Wps10Request request, String owner, ServiceUrls urls) {
        if (request instanceof Wps10Request.GetCapabilities gc) {
            if (!gc.acceptVersions().isEmpty() && !gc.acceptVersions().contains("1.0.0")) {
                throw new OwsException(OwsExceptionCode.VersionNegotiationFailed, "AcceptVersions",
                        "None of " + gc.acceptVersions() + " is supported; this service speaks 1.0.0");
            }
            return OwsResponse.xml(capabilities.encode(registry.descriptors(), urls.wps()));
        }
        if (request instanceof Wps10Request.DescribeProcess dp) {
            return OwsResponse.xml(describe.encode(
                    ExecuteValidator.lookup(dp.identifiers(), registry::descriptor, registry.descriptors())));
        }
        return execute.execute(((Wps10Request.Execute) request).request(), owner, urls);
    }
}
