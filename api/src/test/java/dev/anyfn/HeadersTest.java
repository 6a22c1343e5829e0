package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {
  @Test
  void namesAreCaseInsensitiveAndValuesKeepTheirOrder() {
    Headers h = Headers.builder().add("X-Tag", "a").add("x-tag", "b").add("Accept", "*/*").build();
    assertThat(h.all("X-TAG")).containsExactly("a", "b");
    assertThat(h.first("x-tag")).hasValue("a");
    assertThat(h.names()).containsExactly("X-Tag", "Accept");
    assertThat(h.first("missing")).isEmpty();
  }

  @Test
  void setReplacesEveryValue() {
    Headers h = Headers.builder().add("A", "1").add("a", "2").set("A", "3").build();
    assertThat(h.all("a")).containsExactly("3");
  }

  @Test
  void crLfInAValueIsRejectedNamingTheHeader() {
    assertThatThrownBy(() -> Headers.builder().add("X-Evil", "a\r\nSet-Cookie: x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Header 'X-Evil' has control character 0xd in its value; CR, LF and NUL are rejected to"
                + " prevent response splitting.");
  }

  @Test
  void nonTokenNameIsRejected() {
    assertThatThrownBy(() -> Headers.builder().add("Bad Name", "v"))
        .hasMessage(
            "Header name 'Bad Name' contains character 0x20; header names must be RFC 9110 tokens.");
  }

  @Test
  void tabIsAllowedInValues() {
    assertThat(Headers.builder().add("X", "a\tb").build().first("x")).hasValue("a\tb");
  }

  @Test
  void setMovesTheNameToTheEndWithItsNewSpellingAndRemoveDropsEveryValue() {
    Headers h =
        Headers.builder()
            .add("Content-Type", "a")
            .add("X-One", "1")
            .set("content-type", "b")
            .add("X-Two", "2")
            .remove("x-ONE")
            .build();
    assertThat(h.asMap())
        .containsExactly(entry("content-type", List.of("b")), entry("X-Two", List.of("2")));
    assertThat(h.contains("X-One")).isFalse();
  }

  @Test
  void equalityIgnoresNameCaseAndNameOrderButNotValueOrder() {
    Headers a = Headers.builder().add("A", "1").add("A", "2").add("B", "3").build();
    Headers b = Headers.builder().add("b", "3").add("a", "1").add("a", "2").build();
    Headers c = Headers.builder().add("A", "2").add("A", "1").add("B", "3").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void builtHeadersDoNotChangeWhenTheBuilderOrAToBuilderCopyDoes() {
    Headers.Builder builder = Headers.builder().add("A", "1");
    Headers built = builder.build();
    builder.add("A", "2").add("B", "3");
    Headers.Builder copy = built.toBuilder().add("A", "4");
    assertThat(built.all("a")).containsExactly("1");
    assertThat(copy.build().all("a")).containsExactly("1", "4");
    assertThat(builder.build().all("a")).containsExactly("1", "2");
    assertThatThrownBy(() -> built.all("a").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nonAsciiNameIsRejected() {
    assertThatThrownBy(() -> Headers.builder().add("X-\u00e9", "v"))
        .hasMessage(
            "Header name 'X-\u00e9' contains character 0xe9; header names must be RFC 9110 tokens.");
  }
}
