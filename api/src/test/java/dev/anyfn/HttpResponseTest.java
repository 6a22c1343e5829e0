package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseTest {
  @Test
  void aContentTypeHeaderReplacesTheOneTheBodySetForAResponseHasOne() {
    HttpResponse r =
        HttpResponse.status(200).text("<p>hi</p>").header("content-type", "text/html").build();

    assertThat(r.headers().all("Content-Type")).containsExactly("text/html");
    assertThat(r.bodyText()).isEqualTo("<p>hi</p>");
    assertThat(
            HttpResponse.status(200)
                .header("X-A", "1")
                .header("X-A", "2")
                .build()
                .headers()
                .all("x-a"))
        .containsExactly("1", "2");
  }

  @Test
  void statusOutsideTheValidRangeIsRejected() {
    assertThatThrownBy(() -> HttpResponse.status(600))
        .hasMessage("HTTP status 600 is outside 100-599; use a standard status code.");
  }

  @Test
  void textSetsContentTypeAndUtf8Bytes() {
    HttpResponse r = HttpResponse.ok("héllo");
    assertThat(r.headers().first("content-type")).hasValue("text/plain; charset=utf-8");
    assertThat(r.bodyLength()).isEqualTo(6);
  }

  @Test
  void jsonKeepsTheEntityForTheRuntimeToSerialise() {
    HttpResponse r = HttpResponse.json(java.util.List.of(1, 2));
    assertThat(r.entity()).hasValue(java.util.List.of(1, 2));
    assertThat(r.bodyLength()).isZero();
    assertThat(r.headers().first("Content-Type")).hasValue("application/json");
  }

  @Test
  void aPersistentCookieCarriesItsMaxAgeAndAnExpiredOneRemovesIt() {
    HttpResponse r =
        HttpResponse.status(200)
            .cookie("session", "s1", java.time.Duration.ofDays(7))
            .expireCookie("theme")
            .build();

    assertThat(r.headers().all("Set-Cookie"))
        .containsExactly(
            "session=s1; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=604800",
            "theme=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0");
    assertThatThrownBy(
            () -> HttpResponse.status(200).cookie("session", "s1", java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cookie 'session' has a Max-Age of PT0S; expected a positive duration. To remove the"
                + " cookie, use expireCookie(\"session\").");
    assertThatThrownBy(() -> HttpResponse.status(200).expireCookie("bad name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cookieIsSecureByDefaultAndRejectsSeparators() {
    HttpResponse r = HttpResponse.status(200).cookie("id", "42").build();
    assertThat(r.headers().first("Set-Cookie"))
        .hasValue("id=42; Path=/; HttpOnly; Secure; SameSite=Lax");
    assertThatThrownBy(() -> HttpResponse.status(200).cookie("id", "4;2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void httpExceptionTakesEveryErrorStatusAndNoOther() {
    assertThat(HttpException.notFound("x").status()).isEqualTo(404);
    assertThat(new HttpException(410, "x").status()).isEqualTo(410);
    assertThat(new HttpException(503, "x").status()).isEqualTo(503);
    assertThatThrownBy(() -> new HttpException(302, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "HttpException status 302 is not an error status; use 400 to 599, or return an"
                + " HttpResponse for any other status.");
    assertThatThrownBy(() -> new HttpException(600, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentTypeKeepsItsPlaceAmongOtherHeadersAndTheLastOneWins() {
    HttpResponse typeFirst =
        HttpResponse.status(200).text("a").header("X-After", "1").json("x").build();
    assertThat(typeFirst.headers().asMap())
        .containsExactly(
            entry("X-After", List.of("1")), entry("Content-Type", List.of("application/json")));
    HttpResponse typeLast = HttpResponse.status(200).header("X-Before", "1").text("a").build();
    assertThat(typeLast.headers().asMap())
        .containsExactly(
            entry("X-Before", List.of("1")),
            entry("Content-Type", List.of("text/plain; charset=utf-8")));
    HttpResponse retyped =
        HttpResponse.status(200).text("a").body(new byte[] {1}, "image/png").build();
    assertThat(retyped.headers().asMap())
        .containsExactly(entry("Content-Type", List.of("image/png")));
    assertThat(retyped.toBuilder().header("X-More", "2").build().headers().asMap())
        .containsExactly(
            entry("Content-Type", List.of("image/png")), entry("X-More", List.of("2")));
  }

  /**
   * U+010D U+010A are CR LF to a server that keeps the low byte of each character; a response
   * header value is bytes, so nothing above U+00FF is taken (Latin-1 itself is).
   */
  @Test
  void aResponseHeaderValueWithACharacterAboveLatin1IsRejected() {
    String splitting = "a\u010d\u010aSet-Cookie: evil=1";
    assertThatThrownBy(() -> HttpResponse.status(200).header("X-Echo", splitting))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Header 'X-Echo' has character U+010D in its value");
    assertThatThrownBy(() -> HttpResponse.status(200).setHeader("X-Echo", "\u20ac"))
        .hasMessageContaining("U+20AC");
    assertThatThrownBy(() -> HttpResponse.status(200).body(new byte[0], "text/plain; x=\u0100"))
        .hasMessageContaining("U+0100");
    assertThat(
            HttpResponse.status(200)
                .header("X-Name", "Jos\u00e9")
                .build()
                .headers()
                .first("X-Name"))
        .hasValue("Jos\u00e9");
  }

  @Test
  void aContentTypeWithCrLfOrNoValueIsRejected() {
    assertThatThrownBy(() -> HttpResponse.status(200).body(new byte[0], "text/html\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Header 'Content-Type' has control character 0xd");
    assertThatThrownBy(() -> HttpResponse.status(200).body(new byte[0], null))
        .hasMessage("Header 'Content-Type' has a null value.");
  }
}
