package eu.candela.ows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The platform's server: OGC endpoints over the job engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CandelaServer {
    public static void main(String[] args) {
        SpringApplication.run(CandelaServer.class, args);
    }
}
