package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Headers of a received request: checked on their first read, refused there with a 400. */
class ReceivedHeadersTest {
  private static Headers received(String... namesAndValues) {
    Headers.Builder b = Headers.receivedBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  @Test
  void wellFormedReceivedHeadersReadAsCheckedOnesDo() {
    Headers h = received("content-type", "application/json", "x-tag", "a", "X-Tag", "b\tc");

    assertThat(h.first("Content-Type")).hasValue("application/json");
    assertThat(h.all("X-TAG")).containsExactly("a", "b\tc");
    assertThat(h.contains("x-tag")).isTrue();
    assertThat(h.names()).containsExactly("content-type", "x-tag");
    assertThat(h.asMap())
        .containsExactly(
            entry("content-type", List.of("application/json")),
            entry("x-tag", List.of("a", "b\tc")));
    assertThat(h)
        .isEqualTo(
            Headers.builder()
                .add("Content-Type", "application/json")
                .add("x-tag", "a")
                .add("x-tag", "b\tc")
                .build());
  }

  @Test
  void aMalformedValueIsAddedAndRefusedWith400WhenItIsRead() {
    Headers h = received("x-evil", "a\r\nSet-Cookie: x=1", "accept", "*/*");

    assertThat(h.first("Accept")).hasValue("*/*");
    assertThatThrownBy(() -> h.first("X-Evil"))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("'x-evil'")
        .hasMessageContaining("0xd")
        .hasMessageNotContaining("Set-Cookie");
    // refused again on every read: a refused header never turns into a checked one
    assertThatThrownBy(() -> h.all("x-evil")).isInstanceOf(HttpException.class);
  }

  @Test
  void everyReadOfAMalformedHeaderIsRefused() {
    List<BiConsumer<Headers, String>> reads =
        List.of(
            Headers::first,
            (h, name) -> h.all(name.toUpperCase(Locale.ROOT)),
            Headers::contains,
            (h, name) -> h.forEach((n, v) -> {}),
            (h, name) -> h.names(),
            (h, name) -> h.asMap());
    for (BiConsumer<Headers, String> read : reads) {
      assertThatThrownBy(() -> read.accept(received("accept", "*/*", "x-bad", "a\u0000b"), "x-bad"))
          .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
      assertThatThrownBy(() -> read.accept(received("x bad", "v", "accept", "*/*"), "x bad"))
          .isInstanceOf(HttpException.class);
    }
  }

  @Test
  void forEachRefusesBeforeHandingOverAnything() {
    Headers h = received("accept", "*/*", "x-bad", "a\u007fb");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> h.forEach((n, v) -> seen.add(n))).isInstanceOf(HttpException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void aMalformedNameIsRefusedWhenItsHeaderIsRead() {
    Headers h = received("x\u212Aey", "v", "host", "h");

    assertThat(h.first("host")).hasValue("h");
    assertThat(h.first("x-key")).isEmpty(); // the Kelvin sign is no k, even unchecked
    assertThatThrownBy(() -> h.first("x\u212Aey"))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("0x212a");
  }

  @Test
  void aMalformedValueOfARepeatedNameIsRefusedWithTheWholeHeader() {
    Headers h = received("x-tag", "good", "X-TAG", "bad\n");

    assertThatThrownBy(() -> h.first("x-tag")).isInstanceOf(HttpException.class);
    // a value added checked to an unchecked header leaves the header to be checked on read
    Headers more = h.toBuilder().add("x-tag", "fine").build();
    assertThatThrownBy(() -> more.all("x-tag")).isInstanceOf(HttpException.class);
  }

  @Test
  void setReplacesAMalformedReceivedHeaderWithACheckedOne() {
    Headers h = received("x-tag", "bad\n", "accept", "*/*").toBuilder().set("x-tag", "ok").build();

    assertThat(h.all("x-tag")).containsExactly("ok");
    assertThat(h.asMap()).containsOnlyKeys("accept", "x-tag");
  }

  @Test
  void nullOrEmptyNamesAndNullValuesAreRefusedWhenAdded() {
    assertThatThrownBy(() -> Headers.receivedBuilder().add("", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.receivedBuilder().add(null, "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.receivedBuilder().add("x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityAndTextCompareReceivedHeadersWithoutCheckingThem() {
    Headers a = received("X-Bad", "a\nb");
    Headers b = received("x-bad", "a\nb");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("X-Bad");
    assertThat(a.isEmpty()).isFalse();
  }

  @Test
  void headersAddedCheckedToAReceivedBuilderAreStillReadOnce() {
    Headers h = received("x-a", "1");
    Headers.Builder b = h.toBuilder().add("x-b", "2");

    assertThatThrownBy(() -> b.add("x-c", "bad\r")).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().asMap())
        .containsExactly(entry("x-a", List.of("1")), entry("x-b", List.of("2")));
  }
}
