package eu.candela.wps.spi;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Derives and checks the descriptor of one output record component. */
final class OutputDerivation {

    private static final Set<Class<?>> LITERAL_TYPES = Set.of(String.class, Integer.class, int.class,
            Double.class, double.class, Boolean.class, boolean.class);

    private OutputDerivation() {
    }

    static OutputDescriptor derive(String processId, RecordComponent component) {
        String id = component.getName();
        Result result = component.getAnnotation(Result.class);
        if (result == null) {
            throw new InvalidProcessDefinitionException(processId, id, "has no @Result annotation");
        }
        Class<?> type = component.getType();
        List<Format> formats = Arrays.stream(result.mediaType()).map(Format::of).toList();
        Uom uom = component.getAnnotation(Uom.class);
        if (type != Path.class && !result.style().isEmpty()) {
            throw new InvalidProcessDefinitionException(processId, id, "a display style applies to raster file outputs only");
        }
        if (LITERAL_TYPES.contains(type)) {
            if (!formats.isEmpty()) {
                throw new InvalidProcessDefinitionException(processId, id, "is a literal output and cannot have a mediaType");
            }
            return new OutputDescriptor(id, result.title(), result.description(), DataKind.LITERAL,
                    LiteralType.of(type), uom == null ? null : uom.value(), List.of(), "");
        }
        if (uom != null) {
            throw new InvalidProcessDefinitionException(processId, id, "@Uom applies to literal outputs only");
        }
        if (type == Path.class) {
            if (formats.isEmpty()) {
                throw new InvalidProcessDefinitionException(processId, id, "is a file output and needs @Result(mediaType = ...)");
            }
            return new OutputDescriptor(id, result.title(), result.description(), DataKind.COMPLEX, null, null, formats, result.style());
        }
        if (type == GeoJson.class) {
            return new OutputDescriptor(id, result.title(), result.description(), DataKind.COMPLEX, null, null,
                    formats.isEmpty() ? List.of(Format.GEOJSON) : formats, "");
        }
        throw new InvalidProcessDefinitionException(processId, id, "type " + type.getSimpleName()
                + " is not supported; use Path, GeoJson, String, Integer, Double or Boolean");
    }
}
