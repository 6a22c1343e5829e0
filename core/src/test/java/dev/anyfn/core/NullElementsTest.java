package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NullElementsTest {
  private final JsonCodec json = JsonCodec.create(RuntimeSettings.builder().build());

  private JavaType type(Class<?> container, Class<?>... parameters) {
    return json.typeFactory().constructParametricType(container, parameters);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void whatACallerSentRefusesANullElementOfATypedList() {
    JavaType strings = type(List.class, String.class);

    assertThatThrownBy(() -> json.read(json.inputReaderFor(strings), bytes("[\"a\",null]")))
        .isInstanceOf(JsonBodyException.class)
        .hasMessage("Field '$[1]' is null; expected a string.");
  }

  @Test
  void dataTheRuntimeReadsBackKeepsItsNullElements() {
    // stored results and table images: a row's list may hold a null, and the handler sees it
    List<String> strings = json.read(bytes("[\"a\",null]"), type(List.class, String.class));
    Map<String, Integer> counts =
        json.read(bytes("{\"a\":null}"), type(Map.class, String.class, Integer.class));

    assertThat(strings).isEqualTo(Arrays.asList("a", null));
    assertThat(counts).containsEntry("a", null);
  }
}
