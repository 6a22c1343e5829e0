package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body that does not bind is answered in the caller's JSON terms: what the field must be and what
 * was sent, never a Java class name ({@code ArrayList}, {@code int}, the record's name).
 */
class JsonErrorsTest {
  public enum Level {
    LOW,
    @JsonProperty("high")
    HIGH
  }

  public record Address(String city) {}

  public record Order(
      int quantity,
      long total,
      double price,
      boolean gift,
      char grade,
      List<String> tags,
      Map<String, Integer> scores,
      Address address,
      Level level,
      UUID id,
      Instant at,
      Optional<Integer> limit,
      byte[] blob) {}

  private final JsonCodec json = JsonCodec.create(RuntimeSettings.builder().build());

  public record Named(String name, Optional<String> note, Address address) {}

  public record Checked(String name) {
    public Checked {
      java.util.Objects.requireNonNull(name, "name is required");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    }
  }

  public record Measured(String name) {
    public Measured {
      name.length(); // a helpful NPE's text names code, not input: never shown
    }
  }

  private Object input(String body, Class<?> type) {
    return json.read(
        json.inputReaderFor(json.typeFactory().constructType(type)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private String inputError(String body, Class<?> type) {
    return assertThatThrownBy(() -> input(body, type))
        .isInstanceOf(JsonBodyException.class)
        .actual()
        .getMessage();
  }

  @Test
  void aRecordComponentThatIsNotOptionalIsRequiredInWhatACallerSends() {
    assertThat(inputError("{\"note\":\"n\",\"address\":{\"city\":\"Oslo\"}}", Named.class))
        .isEqualTo(
            "Field '$.name' is missing or null; expected a string (declare it Optional if it may"
                + " be left out).");
    assertThat(inputError("{\"name\":\"a\",\"address\":{\"city\":null}}", Named.class))
        .startsWith("Field '$.address.city' is missing or null");
    assertThat(input("{\"name\":\"a\",\"address\":{\"city\":\"Oslo\"}}", Named.class))
        .isEqualTo(new Named("a", Optional.empty(), new Address("Oslo")));
    // what the runtime reads back (stored results, table rows) stays lenient
    assertThat(json.read("{}".getBytes(StandardCharsets.UTF_8), Named.class))
        .isEqualTo(new Named(null, Optional.empty(), null));
  }

  /** A bean body: what the OpenAPI document, unlike a record's, does not mark required. */
  public static final class Preferences {
    public String theme = "light";
    private int pageSize = 20;

    public int getPageSize() {
      return pageSize;
    }

    public void setPageSize(int pageSize) {
      this.pageSize = pageSize;
    }
  }

  @Test
  void aBeansMissingPropertyKeepsItsInitialValueInWhatACallerSends() {
    Preferences read = (Preferences) input("{\"pageSize\":50}", Preferences.class);

    assertThat(read.theme).isEqualTo("light");
    assertThat(read.getPageSize()).isEqualTo(50);
    assertThat(((Preferences) input("{}", Preferences.class)).getPageSize()).isEqualTo(20);
  }

  @Test
  void aConstructorsOwnRefusalIsQuotedAndTheJvmsTextIsNot() {
    assertThat(inputError("{\"name\":\" \"}", Checked.class))
        .isEqualTo("The body could not be bound: name must not be blank");
    assertThat(
            assertThatThrownBy(
                    () -> json.read("{}".getBytes(StandardCharsets.UTF_8), Checked.class))
                .actual()
                .getMessage())
        .isEqualTo("The body could not be bound: name is required");
    assertThat(
            assertThatThrownBy(
                    () -> json.read("{}".getBytes(StandardCharsets.UTF_8), Measured.class))
                .actual()
                .getMessage())
        .isEqualTo("The body could not be bound.");
  }

  private String error(String body, JavaType type) {
    return assertThatThrownBy(() -> json.read(body.getBytes(StandardCharsets.UTF_8), type))
        .isInstanceOf(JsonBodyException.class)
        .satisfies(e -> assertThat(((JsonBodyException) e).code()).isEqualTo("invalid_body"))
        .actual()
        .getMessage();
  }

  private String orderError(String fields) {
    String all =
        "\"quantity\":1,\"total\":2,\"price\":1.5,\"gift\":false,\"grade\":\"A\"," + fields;
    return error("{" + all + "}", json.typeFactory().constructType(Order.class));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          "tags":"x"             | Field '$.tags' must be an array; found a string.
          "tags":{}              | Field '$.tags' must be an array; found an object.
          "tags":[{}]            | Field '$.tags[0]' must be a string; found an object.
          "scores":[]            | Field '$.scores' must be an object; found an array.
          "scores":{"a":"x"}     | Field '$.scores.a' must be an integer; found a string.
          "address":"x"          | Field '$.address' must be an object; found a string.
          "address":[1]          | Field '$.address' must be an object; found an array.
          "id":"nope"            | Field '$.id' must be a UUID string; found a string.
          "limit":"x"            | Field '$.limit' must be an integer; found a string.
          "blob":{}              | Field '$.blob' must be a base64 string; found an object.
          """)
  void aMismatchNamesTheJsonShapeExpectedAndFound(String field, String message) {
    assertThat(orderError(field)).isEqualTo(message);
  }

  public record Payment(java.math.BigDecimal amount) {}

  /**
   * The exponent of 1e999999999 passes the parser's limit on a number's length (11 characters); a
   * handler's toPlainString() of it would build a billion digits.
   */
  @Test
  void aDecimalWhoseExponentNoAmountNeedsIsRefused() {
    JavaType payment = json.typeFactory().constructType(Payment.class);
    assertThat(error("{\"amount\":1e999999999}", payment))
        .isEqualTo(
            "Field '$.amount' is out of range for a decimal, whose exponent may be at most 100000"
                + " either way.");
    assertThat(error("{\"amount\":1e-100001}", payment)).startsWith("Field '$.amount' is out");
    assertThat(
            json.<Payment>read("{\"amount\":12.50}".getBytes(StandardCharsets.UTF_8), payment)
                .amount())
        .isEqualByComparingTo("12.5");
    assertThat(
            json.<Payment>read("{\"amount\":1e100000}".getBytes(StandardCharsets.UTF_8), payment)
                .amount()
                .scale())
        .isEqualTo(-100_000);
  }

  @Test
  void aDecimalForAnIntegerIsRefusedNotTruncated() {
    assertThat(error("{\"quantity\":1.5}", json.typeFactory().constructType(Order.class)))
        .isEqualTo("Field '$.quantity' must be an integer; found a decimal number.");
  }

  @Test
  void aNumberForAnEnumIsRefusedNotTakenAsAnIndex() {
    assertThat(orderError("\"level\":0"))
        .isEqualTo("Field '$.level' must be one of \"LOW\", \"high\"; found an integer.");
  }

  @Test
  void anEnumNameIsTakenWhateverItsCaseAsInAQueryParameter() {
    Order order =
        json.read(
            "{\"quantity\":1,\"total\":2,\"price\":1.5,\"gift\":false,\"grade\":\"A\",\"level\":\"low\"}"
                .getBytes(StandardCharsets.UTF_8),
            Order.class);
    assertThat(order.level()).isEqualTo(Level.LOW);
  }

  @Test
  void anUnknownEnumNameListsTheNamesTheCallerMaySend() {
    assertThat(orderError("\"level\":\"MID\""))
        .isEqualTo("Field '$.level' must be one of \"LOW\", \"high\"; found a string.");
  }

  @Test
  void aDateThatDoesNotParseShowsTheFormat() {
    assertThat(orderError("\"at\":\"yesterday\""))
        .isEqualTo(
            "Field '$.at' must be an ISO-8601 date-time string such as \"2026-01-31T09:30:00Z\";"
                + " found a string.");
  }

  @Test
  void aMissingPrimitiveFieldIsNamedAsMissing() {
    assertThat(error("{\"quantity\":1}", json.typeFactory().constructType(Order.class)))
        .isEqualTo("Field '$.total' is missing or null; expected an integer.");
  }

  @Test
  void nullForAPrimitiveSaysMissingOrNull() {
    assertThat(error("{\"quantity\":null}", json.typeFactory().constructType(Order.class)))
        .isEqualTo("Field '$.quantity' is missing or null; expected an integer.");
  }

  @Test
  void aNumberBeyondTheFieldsRangeSaysWhichRange() {
    assertThat(error("{\"quantity\":99999999999}", json.typeFactory().constructType(Order.class)))
        .isEqualTo("Field '$.quantity' is out of range for a 32-bit integer.");
  }

  @Test
  void aBodyOfTheWrongShapeSaysWhatTheBodyMustBe() {
    JavaType order = json.typeFactory().constructType(Order.class);
    JavaType addresses = json.typeFactory().constructCollectionType(List.class, Address.class);

    assertThat(error("[]", order)).isEqualTo("The body must be an object; found an array.");
    assertThat(error("5", order)).isEqualTo("The body must be an object; found an integer.");
    assertThat(error("{}", addresses)).isEqualTo("The body must be an array; found an object.");
    assertThat(error("[1]", addresses))
        .isEqualTo("Field '$[0]' must be an object; found an integer.");
  }

  @Test
  void noMessageNamesAJavaType() {
    for (String field : List.of("\"tags\":5", "\"scores\":5", "\"address\":5", "\"level\":5")) {
      assertThat(orderError(field))
          .doesNotContain("ArrayList")
          .doesNotContain("LinkedHashMap")
          .doesNotContain("Address")
          .doesNotContain("Level")
          .doesNotContain("Order");
    }
  }

  /** Not public: anyfn's codec does not override access, so it cannot make one. */
  record Hidden(String city) {}

  /** No constructor JSON can use. */
  public interface Shape {}

  @Test
  void aTypeJsonCannotMakeIsTheTypesFaultNotTheCallers() {
    byte[] body = "{\"city\":\"Oslo\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    for (Class<?> type : List.of(Hidden.class, Shape.class)) {
      assertThatThrownBy(() -> json.read(body, json.typeFactory().constructType(type)))
          .isInstanceOf(IllegalStateException.class)
          .isNotInstanceOf(JsonBodyException.class)
          .hasMessageContaining("must be public, concrete and constructible");
    }
  }
}
