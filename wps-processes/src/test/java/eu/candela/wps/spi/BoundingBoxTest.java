package eu.candela.wps.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void rejectsLowerCornerAboveUpperCorner() {
        assertThatThrownBy(() -> new BoundingBox(1, 0, 0, 1, "EPSG:4326"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower corner");
    }

    @Test
    void rejectsNonFiniteCorners() {
        assertThatThrownBy(() -> new BoundingBox(Double.NaN, 0, 1, 1, "EPSG:4326"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsDegenerateBoxAsAPoint() {
        assertThat(new BoundingBox(2, 3, 2, 3, "EPSG:4326").width()).isZero();
    }
}
