package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
