package eu.candela.ows.wps10;

import java.util.List;

/** What the capabilities say about the service and who runs it; from configuration. */
public record ServiceMetadata(String title, String abstractText, List<String> keywords, String providerName,
                              String providerSite, String contactName) {
    public ServiceMetadata {
        keywords = List.copyOf(keywords);
    }

    public static ServiceMetadata defaults() {
        return new ServiceMetadata("Candela EO analytics WPS",
                "Earth-observation analytics (change detection, data fusion, triplification) as OGC WPS processes",
                List.of("WPS", "Earth observation", "change detection", "Sentinel"),
                "Candela platform", "https://github.com/candela-platform", "Platform operator");
    }
}
