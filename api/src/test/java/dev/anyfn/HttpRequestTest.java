package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
  @Test
  void pathIsDecodedOnceIntoSegments() {
    HttpRequest r = HttpRequest.builder().rawPath("/files/a%20b/%25252F/caf%C3%A9").build();
    assertThat(r.pathSegments()).containsExactly("files", "a b", "%252F", "café");
    assertThat(r.path()).isEqualTo("/files/a b/%252F/café");
  }

  @Test
  void trailingSlashIsDroppedAndRootIsEmpty() {
    assertThat(HttpRequest.builder().rawPath("/about/").build().path()).isEqualTo("/about");
    assertThat(HttpRequest.builder().rawPath("/").build().pathSegments()).isEmpty();
  }

  @Test
  void dotSegmentsEncodedSlashesAndEmptySegmentsAreRefused() {
    for (String bad :
        List.of(
            "/a/../b", "/a/%2E%2e/b", "/a/./b", "/a%2Fb", "/a%5cb", "/a//b", "a/b", "/%C3%28")) {
      assertThatThrownBy(() -> HttpRequest.builder().rawPath(bad), bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void percentEscapesTakeOnlyAsciiHexDigitsAndNothingIsSubstituted() {
    // U+A900 is a digit (Kayah Li zero) to Character.digit: "%\uA900D" once decoded to a CR.
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/a%\uA900D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid percent-encoding");
    assertThatThrownBy(() -> HttpRequest.builder().rawQuery("q=%\uFF12\uFF26"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid percent-encoding");
    // An unpaired surrogate next to an escape was turned into '?'; it is refused instead.
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/a%41\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at index 4");
    assertThat(HttpRequest.builder().rawPath("/%41%e2%82%ac\uD83D\uDE00").build().pathSegments())
        .containsExactly("A\u20AC\uD83D\uDE00");
  }

  @Test
  void queryKeepsRepeatedValuesInOrderAndFormDecodes() {
    HttpRequest r = HttpRequest.builder().rawQuery("a=1&b=x+y&a=2&flag&c=%26").build();
    assertThat(r.query().get("a")).containsExactly("1", "2");
    assertThat(r.queryParam("b")).hasValue("x y");
    assertThat(r.queryParam("flag")).hasValue("");
    assertThat(r.queryParam("c")).hasValue("&");
  }

  @Test
  void cookiesComeFromEveryCookieHeaderFirstWins() {
    HttpRequest r =
        HttpRequest.builder()
            .headers(Headers.builder().add("Cookie", "a=1; b=2").add("cookie", "a=3; c=4").build())
            .build();
    assertThat(r.cookies())
        .containsExactly(
            java.util.Map.entry("a", "1"),
            java.util.Map.entry("b", "2"),
            java.util.Map.entry("c", "4"));
  }

  @Test
  void bodyTextUsesTheDeclaredCharsetAndRejectsMalformedBytes() {
    HttpRequest latin1 =
        HttpRequest.builder()
            .headers(
                Headers.builder().add("Content-Type", "text/plain; charset=ISO-8859-1").build())
            .body(new byte[] {(byte) 0xE9})
            .build();
    assertThat(latin1.bodyText()).isEqualTo("é");
    HttpRequest bad = HttpRequest.builder().body(new byte[] {(byte) 0xC3, 0x28}).build();
    assertThatThrownBy(bad::bodyText)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void bodyIsCopiedInAndOut() {
    byte[] in = "abc".getBytes(StandardCharsets.UTF_8);
    HttpRequest r = HttpRequest.builder().body(in).build();
    in[0] = 'z';
    r.body()[1] = 'z';
    assertThat(r.bodyText()).isEqualTo("abc");
    assertThat(r.contentType()).isEmpty();
  }

  @Test
  void contentTypeIsTheLowerCasedMediaTypeWithoutParameters() {
    HttpRequest r =
        HttpRequest.builder()
            .headers(
                Headers.builder().add("content-type", " Application/JSON ; charset=UTF-8").build())
            .build();
    assertThat(r.contentType()).hasValue("application/json");
    assertThat(r.contentType()).hasValue("application/json");
    assertThat(
            HttpRequest.builder()
                .headers(Headers.builder().add("Content-Type", " ; charset=utf-8").build())
                .build()
                .contentType())
        .isEmpty();
  }

  @Test
  void withPathParamsReturnsANewRequestAndLeavesThisOneUnchanged() {
    HttpRequest r =
        HttpRequest.builder()
            .method("PUT")
            .rawPath("/users/42")
            .rawQuery("a=1&a=2")
            .headers(Headers.builder().add("Content-Type", "text/plain").build())
            .body("hi")
            .build();
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("id", "42");
    HttpRequest routed = r.withPathParams(params);
    params.put("id", "changed");
    assertThat(routed.pathParam("id")).hasValue("42");
    assertThat(r.pathParams()).isEmpty();
    assertThat(routed.method()).isEqualTo("PUT");
    assertThat(routed.path()).isEqualTo("/users/42");
    assertThat(routed.query()).isEqualTo(r.query());
    assertThat(routed.bodyText()).isEqualTo("hi");
    assertThat(routed.contentType()).hasValue("text/plain");
    assertThatThrownBy(() -> routed.pathParams().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void pathsOfOneAndOfManySegmentsAreCutAtEverySlash() {
    assertThat(HttpRequest.builder().rawPath("/login").build().pathSegments())
        .containsExactly("login");
    assertThat(HttpRequest.builder().rawPath("/a/b/c/d/e/f/g/h/i/j/").build().pathSegments())
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    assertThatThrownBy(
            () -> HttpRequest.builder().rawPath("/login").build().pathSegments().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptySegmentsAreRefusedWhereverTheyAre() {
    for (String bad : List.of("//", "///", "//a", "/a//", "/a/b//", "/a//b/c")) {
      assertThatThrownBy(() -> HttpRequest.builder().rawPath(bad), bad)
          .hasMessage("Path has an empty segment ('//').");
    }
  }

  @Test
  void traversalAndEncodedSeparatorsAreRefusedInAnySegment() {
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/a/b/%2e%2E"))
        .hasMessage("Path has a dot segment ('%2e%2E').");
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/.."))
        .hasMessage("Path has a dot segment ('..').");
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/a/x%2Fy/b"))
        .hasMessage("Path segment 'x%2Fy' encodes a slash, backslash or NUL.");
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("/x%00"))
        .hasMessage("Path segment 'x%00' encodes a slash, backslash or NUL.");
    assertThatThrownBy(() -> HttpRequest.builder().rawPath("relative"))
        .hasMessage("Path 'relative' is not absolute; expected '/...'.");
  }

  @Test
  void contentTypeOfACommonMediaTypeIsTheSameAsTheGeneralParseGives() {
    for (String[] c :
        new String[][] {
          {"application/json", "application/json"},
          {"application/json; charset=utf-8", "application/json"},
          {"application/json ; charset=utf-8", "application/json"},
          {"APPLICATION/JSON", "application/json"},
          {"application/jsonp", "application/jsonp"},
          {"application/json-patch+json", "application/json-patch+json"},
          {"text/plain;charset=utf-8", "text/plain"},
          {"text/plainer", "text/plainer"},
          {"application/octet-stream", "application/octet-stream"}
        }) {
      HttpRequest r =
          HttpRequest.builder()
              .headers(Headers.builder().add("Content-Type", c[0]).build())
              .build();
      assertThat(r.contentType()).as(c[0]).hasValue(c[1]);
    }
  }

  @Test
  void anEmptyOrNullBodyHasLengthZero() {
    HttpRequest r = HttpRequest.builder().body(new byte[0]).build();
    assertThat(r.bodyLength()).isZero();
    assertThat(r.body()).isEmpty();
    assertThat(HttpRequest.builder().build().body()).isEmpty();
    assertThat(HttpRequest.builder().body((byte[]) null).build().bodyLength()).isZero();
  }
}
