package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "a\"b\\c\nd\te\u0001f\u2028");

    assertThat(Json.write(value))
        .isEqualTo("{ \"text\": \"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\" }\n");
  }

  @Test
  void keepsScalarsOnOneLineAndNestsTheRest() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("n", 1);
    inner.put("flag", true);
    inner.put("list", List.of("a", "b"));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("items", List.of(inner));
    outer.put("empty", List.of());
    outer.put("none", Map.of());

    assertThat(Json.write(outer))
        .isEqualTo(
            """
            {
              "items": [
                { "n": 1, "flag": true, "list": ["a", "b"] }
              ],
              "empty": [],
              "none": {}
            }
            """);
  }
}
