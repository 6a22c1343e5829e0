package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestFormTest {
  private static HttpRequest form(String contentType, byte[] body) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    return HttpRequest.builder().method("POST").headers(headers.build()).body(body).build();
  }

  private static HttpRequest form(String body) {
    return form(
        "application/x-www-form-urlencoded; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fieldsAreDecodedInOrderWithRepeatedValuesPlusAsSpaceAndUtf8Escapes() {
    HttpRequest r = form("text=hello+world&tag=a&user_name=ren%C3%A9&tag=b&flag&&empty=");

    assertThat(r.form())
        .containsExactly(
            Map.entry("text", List.of("hello world")),
            Map.entry("tag", List.of("a", "b")),
            Map.entry("user_name", List.of("rené")),
            Map.entry("flag", List.of("")),
            Map.entry("empty", List.of("")));
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415NamingTheExpectedOne() {
    HttpRequest r = form("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(r::form)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415))
        .hasMessage(
            "Content-Type application/json is not supported; send"
                + " application/x-www-form-urlencoded or multipart/form-data.");
  }

  @Test
  void noBodyIsAnEmptyFormAndABodyWithoutContentTypeIsReadAsOne() {
    assertThat(form("application/json", new byte[0]).form()).isEmpty();
    assertThat(form(null, "a=1".getBytes(StandardCharsets.UTF_8)).form())
        .containsExactly(Map.entry("a", List.of("1")));
  }

  @Test
  void badPercentEncodingIs400AndSaysWhere() {
    assertThatThrownBy(() -> form("a=%zz").form())
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("The form body is badly encoded: Invalid percent-encoding in '%zz'.");
    assertThatThrownBy(() -> form("a=%C3").form())
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aBadEscapeIsQuotedByItsFirstFortyCharactersNotWhole() {
    String value = "%zz" + "x".repeat(10_000);

    assertThatThrownBy(() -> form("a=" + value).form())
        .hasMessage(
            "The form body is badly encoded: Invalid percent-encoding in '%zz"
                + "x".repeat(37)
                + "...'.");
  }

  @Test
  void pairsWithoutAnEqualsSignHaveEmptyValuesWhateverFollows() {
    assertThat(form("a&b&c=1&d").form())
        .containsExactly(
            Map.entry("a", List.of("")),
            Map.entry("b", List.of("")),
            Map.entry("c", List.of("1")),
            Map.entry("d", List.of("")));
  }

  @Test
  void bytesThatAreNotUtf8Are400() {
    byte[] latin1 = "name=ren\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> form("application/x-www-form-urlencoded", latin1).form())
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("The form body is not UTF-8 text.");
  }

  @Test
  void moreThanAThousandFieldsAre400AndAThousandAreRead() {
    String thousand = "f=1&".repeat(HttpRequest.MAX_FORM_FIELDS);

    assertThat(form(thousand).form().get("f")).hasSize(1000);
    assertThatThrownBy(() -> form(thousand + "g=2").form())
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage(
            "The form has more than 1000 fields; send at most 1000, or send the data as JSON.");
  }

  @Test
  void theFormIsReadOnceAndKeptWhenPathParametersAreAdded() {
    HttpRequest r = form("a=1");
    Map<String, List<String>> first = r.form();

    assertThat(r.form()).isSameAs(first);
    assertThat(r.withPathParams(Map.of("id", "7")).form()).isSameAs(first);
    assertThatThrownBy(() -> first.put("b", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.get("a").add("2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
