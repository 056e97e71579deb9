package eu.candela.wps.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad declaration is refused at derivation with the process and the parameter named. */
class InvalidProcessDefinitionTest {

    enum Mode { FAST }

    record Ok(@Result(title = "Ok") String ok) {
    }

    record None() {
    }

    abstract static class Base<I extends Record> implements Algorithm<I, Ok> {
        @Override
        public Ok run(I in, ProcessContext ctx) {
            return new Ok("ok");
        }
    }

    @EoProcess(id = "MinAboveMax", version = "1", title = "t")
    static final class MinAboveMax extends Base<MinAboveMax.In> implements Algorithm<MinAboveMax.In, Ok> {
        record In(@Param(title = "x") @Range(min = 2, max = 1) Double x) { }
    }

    @EoProcess(id = "OptionalPrimitive", version = "1", title = "t")
    static final class OptionalPrimitive extends Base<OptionalPrimitive.In> implements Algorithm<OptionalPrimitive.In, Ok> {
        record In(@Param(title = "count") @OptionalParam int count) { }
    }

    @EoProcess(id = "DefaultOutsideRange", version = "1", title = "t")
    static final class DefaultOutsideRange extends Base<DefaultOutsideRange.In> implements Algorithm<DefaultOutsideRange.In, Ok> {
        record In(@Param(title = "alpha") @DefaultValue("5") @Range(min = 0, max = 1) Double alpha) { }
    }

    @EoProcess(id = "DefaultNotANumber", version = "1", title = "t")
    static final class DefaultNotANumber extends Base<DefaultNotANumber.In> implements Algorithm<DefaultNotANumber.In, Ok> {
        record In(@Param(title = "n") @DefaultValue("many") Integer n) { }
    }

    @EoProcess(id = "DefaultNotAConstant", version = "1", title = "t")
    static final class DefaultNotAConstant extends Base<DefaultNotAConstant.In> implements Algorithm<DefaultNotAConstant.In, Ok> {
        record In(@Param(title = "mode") @DefaultValue("SLOW") Mode mode) { }
    }

    @EoProcess(id = "UnsupportedType", version = "1", title = "t")
    static final class UnsupportedType extends Base<UnsupportedType.In> implements Algorithm<UnsupportedType.In, Ok> {
        record In(@Param(title = "when") java.time.Instant when) { }
    }

    @EoProcess(id = "MissingParam", version = "1", title = "t")
    static final class MissingParam extends Base<MissingParam.In> implements Algorithm<MissingParam.In, Ok> {
        record In(String name) { }
    }

    @EoProcess(id = "RangeOnText", version = "1", title = "t")
    static final class RangeOnText extends Base<RangeOnText.In> implements Algorithm<RangeOnText.In, Ok> {
        record In(@Param(title = "name") @Range(min = 0) String name) { }
    }

    @EoProcess(id = "FormatsOnLiteral", version = "1", title = "t")
    static final class FormatsOnLiteral extends Base<FormatsOnLiteral.In> implements Algorithm<FormatsOnLiteral.In, Ok> {
        record In(@Param(title = "name") @Formats(MediaTypes.JSON) String name) { }
    }

    @EoProcess(id = "DefaultOnRaster", version = "1", title = "t")
    static final class DefaultOnRaster extends Base<DefaultOnRaster.In> implements Algorithm<DefaultOnRaster.In, Ok> {
        record In(@Param(title = "scene") @DefaultValue("a.tif") RasterRef scene) { }
    }

    @EoProcess(id = "RawList", version = "1", title = "t")
    static final class RawList extends Base<RawList.In> implements Algorithm<RawList.In, Ok> {
        @SuppressWarnings("rawtypes")
        record In(@Param(title = "values") List values) { }
    }

    @EoProcess(id = "FileOutputWithoutMediaType", version = "1", title = "t")
    static final class FileOutputWithoutMediaType implements Algorithm<None, FileOutputWithoutMediaType.Out> {
        record Out(@Result(title = "map") Path map) { }

        @Override
        public Out run(None in, ProcessContext ctx) {
            return null;
        }
    }

    @EoProcess(id = "UnsupportedOutput", version = "1", title = "t")
    static final class UnsupportedOutput implements Algorithm<None, UnsupportedOutput.Out> {
        record Out(@Result(title = "bytes") byte[] bytes) { }

        @Override
        public Out run(None in, ProcessContext ctx) {
            return null;
        }
    }

    static Stream<Arguments> badDeclarations() {
        return Stream.of(
                Arguments.of(MinAboveMax.class, "MinAboveMax", "x", "min 2.0 is above max 1.0"),
                Arguments.of(OptionalPrimitive.class, "OptionalPrimitive", "count", "cannot be null"),
                Arguments.of(DefaultOutsideRange.class, "DefaultOutsideRange", "alpha", "outside the range"),
                Arguments.of(DefaultNotANumber.class, "DefaultNotANumber", "n", "not a valid integer"),
                Arguments.of(DefaultNotAConstant.class, "DefaultNotAConstant", "mode", "not one of [FAST]"),
                Arguments.of(UnsupportedType.class, "UnsupportedType", "when", "Instant is not supported"),
                Arguments.of(MissingParam.class, "MissingParam", "name", "no @Param"),
                Arguments.of(RangeOnText.class, "RangeOnText", "name", "@Range applies to numeric inputs"),
                Arguments.of(FormatsOnLiteral.class, "FormatsOnLiteral", "name", "@Formats applies to complex inputs"),
                Arguments.of(DefaultOnRaster.class, "DefaultOnRaster", "scene", "@DefaultValue applies to literal inputs"),
                Arguments.of(RawList.class, "RawList", "values", "is not supported"),
                Arguments.of(FileOutputWithoutMediaType.class, "FileOutputWithoutMediaType", "map", "needs @Result(mediaType"),
                Arguments.of(UnsupportedOutput.class, "UnsupportedOutput", "bytes", "is not supported"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDeclarations")
    void rejectsBadDeclarationNamingProcessAndParameter(Class<?> algorithm, String processId, String parameter, String reason) {
        assertThatThrownBy(() -> ProcessDefinitions.derive(algorithm))
                .isInstanceOfSatisfying(InvalidProcessDefinitionException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.processId()).isEqualTo(processId);
                    org.assertj.core.api.Assertions.assertThat(e.parameterId()).isEqualTo(parameter);
                })
                .hasMessageContaining("'" + processId + "'")
                .hasMessageContaining("'" + parameter + "'")
                .hasMessageContaining(reason);
    }

    static final class NotAnnotated extends Base<None> implements Algorithm<None, Ok> {
    }

    @Test
    void rejectsAlgorithmWithoutEoProcessNamingTheClass() {
        assertThatThrownBy(() -> ProcessDefinitions.derive(NotAnnotated.class))
                .isInstanceOf(InvalidProcessDefinitionException.class)
                .hasMessageContaining(NotAnnotated.class.getName())
                .hasMessageContaining("@EoProcess");
    }

    @EoProcess(id = "Twin", version = "1", title = "first")
    static final class TwinOne extends Base<None> implements Algorithm<None, Ok> {
    }

    @EoProcess(id = "Twin", version = "1", title = "second")
    static final class TwinTwo extends Base<None> implements Algorithm<None, Ok> {
    }

    @Test
    void rejectsTwoAlgorithmsWithOneId() {
        assertThatThrownBy(() -> ProcessRegistry.of(List.of(new TwinOne(), new TwinTwo())))
                .isInstanceOf(InvalidProcessDefinitionException.class)
                .hasMessageContaining("'Twin'")
                .hasMessageContaining(TwinOne.class.getName())
                .hasMessageContaining(TwinTwo.class.getName());
    }

    @EoProcess(id = "has space", version = "1", title = "t")
    static final class BadId extends Base<None> implements Algorithm<None, Ok> {
    }

    @Test
    void rejectsIdThatIsNotAPlainName() {
        assertThatThrownBy(() -> ProcessDefinitions.derive(BadId.class))
                .isInstanceOf(InvalidProcessDefinitionException.class)
                .hasMessageContaining("'has space'");
    }
}
