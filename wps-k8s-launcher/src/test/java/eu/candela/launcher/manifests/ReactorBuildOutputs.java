package eu.candela.launcher.manifests;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code mvn package} leaves in each module's {@code target/}, read from the poms: the main
 * jar ({@code finalName}, else {@code artifactId-version}) and every plugin {@code outputFile}
 * (the processing CLI's shaded jar). So a Dockerfile's COPY can be checked without building.
 */
final class ReactorBuildOutputs {
    private ReactorBuildOutputs() {}

    static List<String> modules() {
        Element root = parse(RepositoryFiles.resolve("pom.xml")).getDocumentElement();
        List<String> modules = new ArrayList<>();
        for (Element m : descendants(root, "module")) modules.add(m.getTextContent().strip());
        return modules;
    }

    /** Paths relative to the repository root, such as {@code ows-server/target/ows-server.jar}. */
    static Set<String> jarsOf(String module) {
        Element project = parse(RepositoryFiles.resolve(module).resolve("pom.xml")).getDocumentElement();
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        if (version == null) version = child(firstChild(project, "parent"), "version");
        Set<String> jars = new LinkedHashSet<>();
        Element build = firstChild(project, "build");
        String finalName = build == null ? null : child(build, "finalName");
        jars.add(module + "/target/" + (finalName != null ? finalName : artifactId + "-" + version) + ".jar");
        for (Element outputFile : descendants(project, "outputFile")) {
            String path = outputFile.getTextContent().strip()
                    .replace("${project.build.directory}", "target")
                    .replace("${project.artifactId}", artifactId)
                    .replace("${project.version}", version);
            jars.add(module + "/" + path);
        }
        return jars;
    }

    /** The main class a plugin writes into a jar's manifest (the shade plugin's ManifestResourceTransformer). */
    static List<String> mainClassesOf(String module) {
        Element project = parse(RepositoryFiles.resolve(module).resolve("pom.xml")).getDocumentElement();
        return descendants(project, "mainClass").stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + pom, e);
        }
    }

    private static List<Element> descendants(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
        return elements;
    }

    private static Element firstChild(Element parent, String tag) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) return e;
        }
        return null;
    }

    private static String child(Element parent, String tag) {
        Element e = firstChild(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }
}
