package eu.candela.wps.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Derives and checks the descriptor of one input record component. */
final class InputDerivation {

    private static final Set<Class<?>> LITERAL_TYPES = Set.of(String.class, Integer.class, int.class,
            Double.class, double.class, Boolean.class, boolean.class);
    private static final String SUPPORTED = "String, an enum, Integer, Double, Boolean (or their primitives), "
            + "RasterRef, ProductRef, GeoJson, BoundingBox, or a List of one of these";

    private final String processId;
    private final RecordComponent component;
    private final String id;

    InputDerivation(String processId, RecordComponent component) {
        this.processId = processId;
        this.component = component;
        this.id = component.getName();
    }

    InputDescriptor derive() {
        Param param = component.getAnnotation(Param.class);
        if (param == null) {
            throw reject("has no @Param annotation");
        }
        Class<?> type = elementType(component);
        boolean list = component.getType() == List.class;
        if (type == null) {
            throw reject("type " + component.getGenericType().getTypeName() + " is not supported; use " + SUPPORTED);
        }
        DataKind kind = kindOf(type);
        if (kind == null) {
            throw reject("type " + type.getSimpleName() + " is not supported; use " + SUPPORTED);
        }
        checkAnnotationsFit(kind, type, list);

        DefaultValue defaultValue = component.getAnnotation(DefaultValue.class);
        boolean optional = component.isAnnotationPresent(OptionalParam.class);
        if (optional && defaultValue != null) {
            throw reject("has both @OptionalParam and @DefaultValue; a default already makes the input optional");
        }
        if (optional && component.getType().isPrimitive()) {
            throw reject("is optional without default but its type " + component.getType()
                    + " cannot be null; give it a @DefaultValue or use the boxed type");
        }
        int minOccurs = optional || defaultValue != null ? 0 : 1;
        MaxOccurs maxOccurs = component.getAnnotation(MaxOccurs.class);
        int max = list ? (maxOccurs == null ? Integer.MAX_VALUE : maxOccurs.value()) : 1;

        Range range = component.getAnnotation(Range.class);
        Uom uom = component.getAnnotation(Uom.class);
        InputDescriptor descriptor = new InputDescriptor(id, param.title(), param.description(), kind,
                kind == DataKind.LITERAL ? LiteralType.of(type) : null,
                uom == null ? null : uom.value(),
                type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList() : List.of(),
                range == null || range.min() == Double.NEGATIVE_INFINITY ? null : range.min(),
                range == null || range.max() == Double.POSITIVE_INFINITY ? null : range.max(),
                defaultValue == null ? null : defaultValue.value(),
                minOccurs, max, formats(type), crs(kind));
        if (defaultValue != null) {
            checkDefault(descriptor);
        }
        return descriptor;
    }

    /**
     * The Java type of one value of {@code component}: its type, or {@code X} for a {@code List<X>};
     * {@code null} for a raw or wildcard list.
     */
    static Class<?> elementType(RecordComponent component) {
        if (component.getType() != List.class) {
            return component.getType();
        }
        if (component.getGenericType() instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            return arg instanceof Class<?> c ? c : null;
        }
        return null;
    }

    static DataKind kindOf(Class<?> type) {
        if (LITERAL_TYPES.contains(type) || type.isEnum()) return DataKind.LITERAL;
        if (type == RasterRef.class || type == ProductRef.class || type == GeoJson.class) return DataKind.COMPLEX;
        if (type == BoundingBox.class) return DataKind.BOUNDING_BOX;
        return null;
    }

    private void checkAnnotationsFit(DataKind kind, Class<?> type, boolean list) {
        if (kind != DataKind.LITERAL) {
            for (Class<? extends java.lang.annotation.Annotation> literalOnly : List.of(DefaultValue.class, Range.class, Uom.class)) {
                if (component.isAnnotationPresent(literalOnly)) {
                    throw reject("@" + literalOnly.getSimpleName() + " applies to literal inputs, not to " + type.getSimpleName());
                }
            }
        }
        Range range = component.getAnnotation(Range.class);
        if (range != null) {
            Class<?> literal = LiteralType.of(type).javaType();
            if (literal != Integer.class && literal != Double.class) {
                throw reject("@Range applies to numeric inputs, not to " + type.getSimpleName());
            }
            if (Double.isNaN(range.min()) || Double.isNaN(range.max())) {
                throw reject("@Range bounds must be numbers");
            }
            if (range.min() > range.max()) {
                throw reject("@Range min " + range.min() + " is above max " + range.max());
            }
        }
        Formats formats = component.getAnnotation(Formats.class);
        if (formats != null && (kind != DataKind.COMPLEX || formats.value().length == 0)) {
            throw reject(kind != DataKind.COMPLEX ? "@Formats applies to complex inputs, not to " + type.getSimpleName()
                    : "@Formats lists no media type");
        }
        if (formats != null && type == ProductRef.class
                && Arrays.stream(formats.value()).noneMatch(f -> MediaTypes.matches(f, MediaTypes.SAFE))) {
            throw reject("@Formats of a ProductRef must include " + MediaTypes.SAFE + ", which tells the server to map the reference to a folder");
        }
        Crs crs = component.getAnnotation(Crs.class);
        if (crs != null && (kind != DataKind.BOUNDING_BOX || crs.value().length == 0)) {
            throw reject(kind != DataKind.BOUNDING_BOX ? "@Crs applies to BoundingBox inputs, not to " + type.getSimpleName()
                    : "@Crs lists no CRS");
        }
        MaxOccurs maxOccurs = component.getAnnotation(MaxOccurs.class);
        if (maxOccurs != null && (!list || maxOccurs.value() < 1)) {
            throw reject(!list ? "@MaxOccurs applies to List inputs only" : "@MaxOccurs must be at least 1");
        }
    }

    private List<Format> formats(Class<?> type) {
        Formats formats = component.getAnnotation(Formats.class);
        if (formats != null) {
            return Arrays.stream(formats.value()).map(Format::of).toList();
        }
        if (type == RasterRef.class) return List.of(Format.GEOTIFF, Format.COG);
        if (type == ProductRef.class) return List.of(Format.SAFE);
        if (type == GeoJson.class) return List.of(Format.GEOJSON);
        return List.of();
    }

    private List<String> crs(DataKind kind) {
        Crs crs = component.getAnnotation(Crs.class);
        if (crs != null) {
            List<String> codes = new ArrayList<>(List.of(crs.value()));
            if (crs.wgs84UtmZones()) {
                IntStream.rangeClosed(1, 60).forEach(zone -> codes.add("EPSG:" + (32600 + zone)));
                IntStream.rangeClosed(1, 60).forEach(zone -> codes.add("EPSG:" + (32700 + zone)));
            }
            return List.copyOf(codes);
        }
        return kind == DataKind.BOUNDING_BOX ? List.of("EPSG:4326") : List.of();
    }

    private void checkDefault(InputDescriptor descriptor) {
        try {
            descriptor.parseLiteral(descriptor.defaultValue());
        } catch (InvalidInputException e) {
            throw reject("@DefaultValue is not acceptable: " + e.getMessage());
        }
    }

    private InvalidProcessDefinitionException reject(String reason) {
        return new InvalidProcessDefinitionException(processId, id, reason);
    }
}
