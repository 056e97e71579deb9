package eu.candela.wps.jobdir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One value of one input in {@code inputs.json}, already resolved by the server: a literal as
 * text, a local file, an inline document or a bounding box. In JSON each carries a {@code type}
 * property: {@code literal}, {@code file}, {@code inline} or {@code bbox}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiteralValue.class, name = "literal"),
        @JsonSubTypes.Type(value = FileValue.class, name = "file"),
        @JsonSubTypes.Type(value = InlineValue.class, name = "inline"),
        @JsonSubTypes.Type(value = BoundingBoxValue.class, name = "bbox")
})
public sealed interface InputValue permits LiteralValue, FileValue, InlineValue, BoundingBoxValue {
}
