package eu.candela.ows.wps10;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.Format;
import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;

import java.util.List;
import java.util.Locale;

/**
 * Checks an Execute request against the process description before any job exists, so every
 * client mistake is answered at once with its code and the input or output as locator.
 */
public final class ExecuteValidator {

    public void validate(ProcessDescriptor process, ExecuteRequest request) {
        for (InputSpec in : request.inputs()) {
            InputDescriptor desc = process.input(in.id()).orElseThrow(() ->
                    OwsException.invalid(in.id(), "Process " + process.id() + " has no input '" + in.id() + "'"));
            checkKind(desc, in);
        }
        for (InputDescriptor desc : process.inputs()) {
            int count = request.inputs(desc.id()).size();
            if (count < desc.minOccurs()) {
                throw new OwsException(OwsExceptionCode.MissingParameterValue, desc.id(),
                        "Process " + process.id() + " needs input '" + desc.id() + "'");
            }
            if (count > desc.maxOccurs()) {
                throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' is given " + count
                        + " times; at most " + desc.maxOccurs() + " allowed");
            }
        }
        if (request.responseForm() instanceof ResponseForm.Raw raw) {
            checkOutput(process, raw.output());
        } else if (request.responseForm() instanceof ResponseForm.Document doc) {
            for (OutputDefinition def : doc.outputs()) checkOutput(process, def);
            if (doc.status() && !doc.storeExecuteResponse()) {
                throw OwsException.invalid("status", "status=true needs storeExecuteResponse=true");
            }
        }
    }

    private static void checkKind(InputDescriptor desc, InputSpec in) {
        if (in instanceof InputSpec.Literal l) {
            if (desc.kind() != DataKind.LITERAL) {
                throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' expects "
                        + kindName(desc.kind()) + ", not literal data");
            }
            if (desc.uom() != null && l.uom() != null && !desc.uom().equals(l.uom())) {
                throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' is in " + desc.uom() + ", not " + l.uom());
            }
            try {
                desc.parseLiteral(l.value());
            } catch (InvalidInputException e) {
                throw OwsException.invalid(desc.id(), e.getMessage());
            }
        } else if (in instanceof InputSpec.Complex c) {
            requireComplex(desc);
            checkMimeType(desc, c.mimeType());
            if (c.content().isBlank()) throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' is empty");
            if (isBinary(desc, c.mimeType()) && !c.base64()) {
                throw OwsException.invalid(desc.id(), "Inline binary input '" + desc.id()
                        + "' must be sent with encoding=\"base64\"");
            }
        } else if (in instanceof InputSpec.Reference r) {
            requireComplexOrReferenceable(desc);
            if (desc.kind() == DataKind.COMPLEX) checkMimeType(desc, r.mimeType());
        } else if (in instanceof InputSpec.BoundingBox b) {
            if (desc.kind() != DataKind.BOUNDING_BOX) {
                throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' expects " + kindName(desc.kind())
                        + ", not a bounding box");
            }
            String crs = b.crs() == null ? (desc.supportedCrs().isEmpty() ? "EPSG:4326" : desc.supportedCrs().get(0)) : b.crs();
            if (!desc.supportedCrs().isEmpty() && desc.supportedCrs().stream().noneMatch(c -> sameCrs(c, crs))) {
                throw OwsException.invalid(desc.id(), "CRS " + crs + " is not supported for '" + desc.id()
                        + "'; use one of " + desc.supportedCrs());
            }
            for (int i = 0; i < b.lower().size(); i++) {
                if (b.lower().get(i) > b.upper().get(i)) {
                    throw OwsException.invalid(desc.id(), "Bounding box '" + desc.id() + "' has its lower corner above its upper corner");
                }
            }
        }
    }

    private static void requireComplex(InputDescriptor desc) {
        if (desc.kind() != DataKind.COMPLEX) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' expects " + kindName(desc.kind()) + ", not complex data");
        }
    }

    private static void requireComplexOrReferenceable(InputDescriptor desc) {
        if (desc.kind() == DataKind.BOUNDING_BOX) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' expects a bounding box, not a reference");
        }
    }

    private static void checkMimeType(InputDescriptor desc, String mimeType) {
        if (mimeType == null) return;
        if (desc.formats().stream().noneMatch(f -> MediaTypes.matches(f.mimeType(), mimeType))) {
            throw OwsException.invalid(desc.id(), "Input '" + desc.id() + "' does not accept " + mimeType
                    + "; supported: " + desc.formats().stream().map(Format::mimeType).distinct().toList());
        }
    }

    private static void checkOutput(ProcessDescriptor process, OutputDefinition def) {
        OutputDescriptor out = process.output(def.id()).orElseThrow(() ->
                OwsException.invalid(def.id(), "Process " + process.id() + " has no output '" + def.id() + "'"));
        if (def.mimeType() != null && out.kind() == DataKind.COMPLEX
                && out.formats().stream().noneMatch(f -> MediaTypes.matches(f.mimeType(), def.mimeType()))) {
            throw OwsException.invalid(def.id(), "Output '" + def.id() + "' is not available as " + def.mimeType()
                    + "; available: " + out.formats().stream().map(Format::mimeType).distinct().toList());
        }
        // asReference on a literal output is allowed: the reference then serves the literal as text/plain.
    }

    static boolean isBinary(InputDescriptor desc, String mimeType) {
        String m = (mimeType != null ? mimeType : desc.formats().get(0).mimeType()).toLowerCase(Locale.ROOT);
        return m.startsWith("image/") || m.startsWith("application/octet-stream") || m.contains("zip");
    }

    static boolean sameCrs(String a, String b) {
        return epsgCode(a).equals(epsgCode(b));
    }

    /** EPSG:4326, urn:ogc:def:crs:EPSG::4326 and http://www.opengis.net/def/crs/EPSG/0/4326 all name 4326. */
    static String epsgCode(String crs) {
        String c = crs.trim();
        if (c.equalsIgnoreCase("urn:ogc:def:crs:OGC:1.3:CRS84") || c.endsWith("/OGC/1.3/CRS84")) return "CRS84";
        int cut = Math.max(c.lastIndexOf(':'), c.lastIndexOf('/'));
        return c.substring(cut + 1);
    }

    private static String kindName(DataKind kind) {
        return switch (kind) {
            case LITERAL -> "literal data";
            case COMPLEX -> "complex data";
            case BOUNDING_BOX -> "a bounding box";
        };
    }

    /** The descriptors of a list of ids, in the order asked, or InvalidParameterValue naming the first unknown one. */
    public static List<ProcessDescriptor> lookup(List<String> ids, java.util.function.Function<String, java.util.Optional<ProcessDescriptor>> registry,
                                                 List<ProcessDescriptor> all) {
        if (ids.size() == 1 && ids.get(0).equalsIgnoreCase("ALL")) return all;
        return ids.stream().map(id -> registry.apply(id).orElseThrow(() ->
                OwsException.invalid("Identifier", "No process named '" + id + "'"))).toList();
    }
}
