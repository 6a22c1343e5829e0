package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.HttpException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScalarsTest {
  private static final Function<String, Object> INT = Scalars.converter(int.class, "Query 'n'");
  private static final Function<String, Object> LONG = Scalars.converter(long.class, "Path 'id'");
  private static final Function<String, Object> DOUBLE =
      Scalars.converter(double.class, "Query 'price'");

  @Test
  void numbersAreReadFromAsciiDigits() {
    assertThat(INT.apply("42")).isEqualTo(42);
    assertThat(INT.apply(" -7 ")).isEqualTo(-7);
    assertThat(INT.apply("+5")).isEqualTo(5);
    assertThat(LONG.apply("9007199254740993")).isEqualTo(9_007_199_254_740_993L);
    assertThat(DOUBLE.apply("1.5")).isEqualTo(1.5);
    assertThat(DOUBLE.apply("-2e3")).isEqualTo(-2000.0);
  }

  // Integer.valueOf took other scripts' digits; Double.valueOf took NaN, Infinity, hex and
  // suffixes.
  @Test
  void textThatOnlyTheJdksLenientParsersReadIs400() {
    for (String bad : new String[] {"\uFF11\uFF12", "\u0661\u0662", "12\u0663", "", "-", "0x10"}) {
      assertThatThrownBy(() -> INT.apply(bad))
          .as(bad)
          .isInstanceOf(HttpException.class)
          .hasMessage("Query 'n' must be an integer.");
      assertThatThrownBy(() -> LONG.apply(bad)).as(bad).isInstanceOf(HttpException.class);
    }
    for (String bad :
        new String[] {
          "NaN", "Infinity", "-Infinity", "1e400", "0x1p3", "1d", "2f", "\uFF11", "."
        }) {
      assertThatThrownBy(() -> DOUBLE.apply(bad))
          .as(bad)
          .isInstanceOf(HttpException.class)
          .hasMessage("Query 'price' must be a number.");
    }
    assertThatThrownBy(() -> INT.apply("2147483648")).isInstanceOf(HttpException.class);
  }

  @Test
  void uuidsAreReadOnlyInTheirCanonicalLength() {
    Function<String, Object> uuid = Scalars.converter(java.util.UUID.class, "Path 'order'");
    assertThat(uuid.apply("123E4567-e89b-12d3-a456-426614174000"))
        .isEqualTo(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    for (String bad :
        new String[] {
          "1-1-1-1-1", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g"
        }) {
      assertThatThrownBy(() -> uuid.apply(bad))
          .as(bad)
          .isInstanceOf(HttpException.class)
          .hasMessage("Path 'order' must be a UUID.");
    }
  }

  @Test
  void aFormBooleanAlsoTakesOnWhichACheckedCheckboxSendsButAQueryBooleanDoesNot() {
    Function<String, Object> form = Scalars.formConverter(boolean.class, "Form field 'subscribe'");
    Function<String, Object> query =
        Scalars.converter(boolean.class, "Query parameter 'subscribe'");

    assertThat(form.apply("on")).isEqualTo(true);
    assertThat(form.apply("true")).isEqualTo(true);
    assertThat(form.apply("FALSE")).isEqualTo(false);
    assertThatThrownBy(() -> form.apply("yes"))
        .isInstanceOf(HttpException.class)
        .hasMessage("Form field 'subscribe' must be true, false or on (a checked checkbox).");
    assertThatThrownBy(() -> query.apply("on"))
        .isInstanceOf(HttpException.class)
        .hasMessage("Query parameter 'subscribe' must be true or false.");
    assertThat(Scalars.formConverter(int.class, "Form field 'n'").apply("7")).isEqualTo(7);
  }
}
