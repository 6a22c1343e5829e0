package dev.anyfn.core;

import static dev.anyfn.core.TestRuntime.jsonPost;
import static dev.anyfn.core.TestRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SECURITY.md section 4, rows 1-25 that concern the core: each a clear 4xx/5xx, never a 200. */
class BadInputTest {
  private final TestRuntime rt = new TestRuntime(RuntimeSettings.builder().maxBodyBytes(64 * 1024));

  private HttpResponse echo(String body) {
    return rt.http("conformance", jsonPost("/echo", body));
  }

  private static void assertProblem(HttpResponse r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().first("Content-Type")).hasValue("application/problem+json");
    assertThat(r.bodyText())
        .contains("\"error\":\"" + code + "\"")
        .contains("\"requestId\":\"req-1\"");
    assertThat(r.bodyText()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void row1MalformedJsonGivesLineAndColumnWithoutEcho() {
    HttpResponse r = echo("{\n \"message\": hunter2 }");
    assertProblem(r, 400, "invalid_json");
    assertThat(r.bodyText()).contains("line 2, column").doesNotContain("hunter2");
  }

  @Test
  void row2WrongTypeNamesTheJsonPath() {
    assertThat(echo("{\"message\":\"x\",\"count\":\"1000,10\"}").bodyText())
        .contains("Field '$.count' must be an integer; found a string.");
  }

  @Test
  void row3JsonSubtypesAndCharsetAreAccepted() {
    HttpRequest r =
        request("POST", "/echo")
            .headers(
                Headers.builder()
                    .add("Content-Type", "application/vnd.acme+json; charset=utf-8")
                    .build())
            .body("{\"message\":\"x\",\"count\":1}")
            .build();
    assertThat(rt.http("conformance", r).statusCode()).isEqualTo(200);
  }

  @Test
  void row3OtherContentTypeIs415ListingAcceptedTypes() {
    HttpRequest r =
        request("POST", "/echo")
            .headers(Headers.builder().add("Content-Type", "application/xml").build())
            .body("<x/>")
            .build();
    HttpResponse response = rt.http("conformance", r);
    assertProblem(response, 415, "unsupported_media_type");
    assertThat(response.bodyText()).contains("application/json");
  }

  private HttpResponse echoWithContentType(String contentType) {
    return rt.http(
        "conformance",
        request("POST", "/echo")
            .headers(Headers.builder().add("Content-Type", contentType).build())
            .body("{\"message\":\"x\",\"count\":1}")
            .build());
  }

  private HttpResponse echoWithReceivedHeaders(String... namesAndValues) {
    Headers.Builder headers = Headers.receivedBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return rt.http(
        "conformance",
        request("POST", "/echo")
            .headers(headers.build())
            .body("{\"message\":\"x\",\"count\":1}")
            .build());
  }

  @Test
  void aMalformedReceivedHeaderTheFunctionReadsIsA400NamingIt() {
    HttpResponse r = echoWithReceivedHeaders("Content-Type", "application/json\r\nX-Injected: 1");

    assertProblem(r, 400, "bad_request");
    assertThat(detail(r))
        .startsWith("The request has a malformed header. Header 'Content-Type' has control")
        .doesNotContain("X-Injected");
  }

  @Test
  void aMalformedReceivedHeaderNothingReadsDoesNotStopTheRequest() {
    HttpResponse r =
        echoWithReceivedHeaders("content-type", "application/json", "x-unread", "a\u0001b");

    assertThat(r.statusCode()).isEqualTo(200);
  }

  /** The problem's detail as the caller reads it, JSON escapes undone. */
  private static String detail(HttpResponse r) {
    try {
      return new ObjectMapper().readTree(r.bodyText()).get("detail").asText();
    } catch (IOException e) {
      throw new AssertionError(r.bodyText(), e);
    }
  }

  @Test
  void row3AContentTypeThatIsNotAMediaTypeIsQuotedEscapedAndCappedIn415() {
    HttpResponse tab = echoWithContentType("json\tx; charset=utf-8");
    HttpResponse accented = echoWithContentType("applicatión/json");
    HttpResponse backslash = echoWithContentType("application\\json");
    HttpResponse longValue = echoWithContentType("x".repeat(70));

    assertProblem(tab, 415, "unsupported_media_type");
    String fix =
        " cannot be read as a media type (type/subtype); send the body as application/json";
    assertThat(detail(tab)).startsWith("The Content-Type header 'json\\x09x; charset=utf-8'" + fix);
    assertThat(detail(accented))
        .startsWith("The Content-Type header 'applicati\\u00f3n/json'" + fix);
    assertThat(detail(backslash)).startsWith("The Content-Type header 'application\\\\json'" + fix);
    assertThat(detail(longValue))
        .startsWith("The Content-Type header '" + "x".repeat(64) + "...'" + fix);
  }

  @Test
  void row4InvalidUtf8IsRejectedNotReplaced() {
    HttpRequest r =
        request("POST", "/echo")
            .headers(Headers.builder().add("Content-Type", "application/json").build())
            .body(
                new byte[] {
                  '{',
                  '"',
                  'm',
                  'e',
                  's',
                  's',
                  'a',
                  'g',
                  'e',
                  '"',
                  ':',
                  '"',
                  (byte) 0xC3,
                  (byte) 0x28,
                  '"',
                  ',',
                  '"',
                  'c',
                  'o',
                  'u',
                  'n',
                  't',
                  '"',
                  ':',
                  '1',
                  '}'
                })
            .build();
    HttpResponse response = rt.http("conformance", r);
    assertProblem(response, 400, "invalid_encoding");
    assertThat(response.bodyText())
        .contains("The body is not valid UTF-8 (line 1, column ")
        .doesNotContain("0xc3", "0x28");
  }

  @Test
  void row4Latin1JsonIsRefusedAsNotUtf8EvenWhenTheContentTypeNamesLatin1() {
    byte[] latin1 = "{\"message\":\"café\",\"count\":1}".getBytes(StandardCharsets.ISO_8859_1);
    HttpRequest r =
        request("POST", "/echo")
            .headers(
                Headers.builder()
                    .add("Content-Type", "application/json; charset=iso-8859-1")
                    .build())
            .body(latin1)
            .build();
    HttpResponse response = rt.http("conformance", r);
    assertProblem(response, 400, "invalid_encoding");
    assertThat(response.bodyText()).contains("JSON is read as UTF-8 (RFC 8259)");
  }

  @Test
  void row5DeepNestingIs400NotStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    HttpResponse r = rt.http("fx-faults", jsonPost("/fx/any", deep));
    assertProblem(r, 400, "body_too_deep");
    assertThat(r.bodyText())
        .contains("The JSON body is nested more than 200 levels deep.")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void row6BodyOverTheLimitIs413() {
    String big = "{\"message\":\"" + "x".repeat(70 * 1024) + "\",\"count\":1}";
    HttpResponse r = echo(big);
    assertProblem(r, 413, "body_too_large");
    assertThat(r.bodyText()).contains("the limit is 65536");
  }

  @Test
  void row7HugeNumberIsALimitError() {
    HttpResponse r = echo("{\"message\":\"x\",\"count\":" + "9".repeat(5_000) + "}");
    assertProblem(r, 400, "limit_exceeded");
    assertThat(r.bodyText())
        .contains("A number in the JSON body has more than 1000 digits.")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void row7HugePropertyNameIsALimitError() {
    HttpResponse r = echo("{\"" + "k".repeat(5_000) + "\":1}");
    assertProblem(r, 400, "limit_exceeded");
    assertThat(r.bodyText())
        .containsPattern("A field name in the JSON body is longer than \\d+ characters\\.")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void row8DuplicateKeysAreRejected() {
    assertProblem(echo("{\"message\":\"a\",\"message\":\"b\",\"count\":1}"), 400, "duplicate_key");
  }

  @Test
  void row9TrailingDataIsRejected() {
    assertProblem(echo("{\"message\":\"a\",\"count\":1} x"), 400, "invalid_json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null"})
  void row10EmptyOrNullBodyIsRequired(String body) {
    assertProblem(echo(body), 400, "body_required");
  }

  @Test
  void row10ANullElementOfAListOrArrayBodyIs400NamingItsPosition() {
    String lines = "[{\"sku\":\"a\",\"quantity\":1},null,{\"sku\":\"b\",\"quantity\":2}]";
    HttpResponse list = rt.http("fx-lines", jsonPost("/fx/lines", lines));
    HttpResponse array = rt.http("fx-lines", jsonPost("/fx/lines/array", lines));
    HttpResponse set = rt.http("fx-lines", jsonPost("/fx/skus", "[\"a\",null]"));

    assertProblem(list, 400, "invalid_body");
    assertThat(detail(list)).isEqualTo("Field '$[1]' is null; expected an object.");
    assertProblem(array, 400, "invalid_body");
    assertThat(detail(array)).isEqualTo("Field '$[1]' is null; expected an object.");
    assertProblem(set, 400, "invalid_body");
    assertThat(detail(set)).isEqualTo("An element of the set is null; expected a string.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"lines\":[{\"sku\":\"a\",\"quantity\":1},null]|Field '$.lines[1]' is null; expected an object.",
        "\"counts\":{\"a\":1,\"b\":null}|Field '$.counts.b' is null; expected an integer.",
        "\"tags\":[\"a\",null]|An element of '$.tags' is null; expected a string.",
        "\"shelves\":[[\"a\"],[\"b\",null]]|Field '$.shelves[1][1]' is null; expected a string.",
        "\"shelves\":[[\"a\"],null]|Field '$.shelves[1]' is null; expected an array."
      })
  void row10ANullElementInsideTheBodyIs400NamingItsPath(String field, String detail) {
    HttpResponse r = rt.http("fx-lines", jsonPost("/fx/basket", basket(field)));

    assertProblem(r, 400, "invalid_body");
    assertThat(detail(r)).isEqualTo(detail);
  }

  @Test
  void row10UntypedListsAndMapsInsideTheBodyTakeNulls() {
    String body =
        basket("\"notes\":[1,null]").replace("\"attributes\":{}", "\"attributes\":{\"x\":null}");

    HttpResponse r = rt.http("fx-lines", jsonPost("/fx/basket", body));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("1 1 1 [[a]] [1, null] {x=null}");
  }

  /** A basket of one line, one count, one tag and one shelf, with {@code field} replaced. */
  private static String basket(String field) {
    String name = field.substring(0, field.indexOf(':'));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("\"lines\"", "[{\"sku\":\"a\",\"quantity\":1}]");
    fields.put("\"counts\"", "{\"a\":1}");
    fields.put("\"tags\"", "[\"a\"]");
    fields.put("\"shelves\"", "[[\"a\"]]");
    fields.put("\"notes\"", "[]");
    fields.put("\"attributes\"", "{}");
    fields.put(name, field.substring(field.indexOf(':') + 1));
    return fields.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  @Test
  void row10AnObjectBodyTakesAnyJsonNullElementsIncluded() {
    HttpResponse r = rt.http("fx-lines", jsonPost("/fx/anything", "[1,null]"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("[1, null]");
  }

  @Test
  void row10AListBodyWithoutNullsStillBinds() {
    String lines = "[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}]";

    assertThat(rt.http("fx-lines", jsonPost("/fx/lines", lines)).bodyText()).isEqualTo("3");
    assertThat(rt.http("fx-lines", jsonPost("/fx/lines/array", "[]")).bodyText()).isEqualTo("0");
    assertThat(rt.http("fx-lines", jsonPost("/fx/skus", "[\"ab\"]")).bodyText()).isEqualTo("2");
  }

  @Test
  void row13RepeatedCookieHeadersAreAllRead() {
    HttpRequest r =
        request("GET", "/cookies")
            .headers(Headers.builder().add("Cookie", "a=1").add("COOKIE", "theme=light").build())
            .build();
    assertThat(rt.http("conformance", r).headers().first("X-Seen")).hasValue("light");
  }

  @Test
  void row14HeaderInjectionFromHandlerIsAGeneric500() {
    HttpResponse r = rt.http("fx-faults", request("GET", "/fx/inject").build());
    assertProblem(r, 500, "internal_error");
    assertThat(r.headers().contains("Set-Cookie")).isFalse();
    assertThat(r.headers().contains("X-Evil")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/files/..%2F..%2Fetc/passwd",
        "/files/%2e%2e/secret",
        "/files/a%5Cb",
        "/files/../x",
        "//x",
        "/files/a%00b",
        "/files/%zz"
      })
  void row16TraversalAndBadEncodingAreRefusedWhenTheRequestIsBuilt(String rawPath) {
    assertThatThrownBy(() -> request("GET", rawPath)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void row16MatrixParametersDoNotBypassRouting() {
    assertThat(rt.http("conformance", request("GET", "/hello;jsessionid=1").build()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void row17UnknownRouteAndMethodAreProblems() {
    assertProblem(rt.http("conformance", request("GET", "/nope").build()), 404, "not_found");
    assertProblem(
        rt.http("conformance", request("PATCH", "/hello").build()), 405, "method_not_allowed");
  }

  @Test
  void row18CallersCannotPickAFunctionByHeaderOrQuery() {
    HttpRequest r =
        request("GET", "/hello")
            .rawQuery("function=seed-login")
            .headers(Headers.builder().add("X-Function", "seed-login").build())
            .build();
    assertThat(rt.runtime.route(r).function())
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("conformance"));
  }

  @Test
  void row21StackOverflowInHandlerIs500AndRetiresTheInstance() {
    FunctionInstance instance = rt.instance("fx-faults");
    HttpResponse r =
        instance.handleHttp(request("GET", "/fx/overflow").build(), rt.context("fx-faults"));
    assertProblem(r, 500, "internal_error");
    assertThat(instance.healthy()).isFalse();
    assertThat(rt.logs)
        .anySatisfy(l -> assertThat(l).contains("StackOverflowError").contains("req-1"));
  }

  @Test
  void row25UnserialisableResultIs500() {
    assertProblem(
        rt.http("fx-faults", request("GET", "/fx/unserialisable").build()), 500, "internal_error");
  }

  @Test
  void textBodyWithUnknownCharsetIs415() {
    HttpRequest r =
        request("POST", "/bytes")
            .headers(Headers.builder().add("Content-Type", "text/plain; charset=klingon").build())
            .body("x".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThat(r.bodyLength()).isEqualTo(1);
    assertThatThrownBy(r::bodyText).hasMessageContaining("Unsupported charset 'klingon'");
  }
}
