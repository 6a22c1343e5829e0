package dev.anyfn.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every adapter must reproduce for HTTP, scenario by scenario. An adapter's test subclasses
 * this and implements {@link #send(HttpRequest)} by translating the neutral request into its
 * provider's wire format, passing it through the adapter's real entry point, and translating the
 * provider's answer back. The function is {@link ConformanceFunction} ({@code conformance}).
 */
public abstract class HttpConformanceSuite {

  /** Sends the request to function {@code conformance} through the adapter's wire format. */
  protected abstract HttpResponse send(HttpRequest request) throws Exception;

  /** A request builder for a method and raw path (with optional {@code ?query}). */
  protected static HttpRequest.Builder request(String method, String target) {
    int q = target.indexOf('?');
    return HttpRequest.builder()
        .method(method)
        .rawPath(q < 0 ? target : target.substring(0, q))
        .rawQuery(q < 0 ? null : target.substring(q + 1));
  }

  private HttpResponse get(String target) throws Exception {
    return send(request("GET", target).build());
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, String body) {
    return b.headers(Headers.builder().add("Content-Type", "application/json").build()).body(body);
  }

  private HttpResponse postForm(String contentType, String body) throws Exception {
    return postForm("/form", contentType, body);
  }

  private HttpResponse postForm(String path, String contentType, String body) throws Exception {
    return send(
        request("POST", path)
            .headers(Headers.builder().add("Content-Type", contentType).build())
            .body(body)
            .build());
  }

  @Test
  void formFieldsAreBoundFromAFormBody() throws Exception {
    HttpResponse r =
        postForm(
            "application/x-www-form-urlencoded",
            "name=Ren%C3%A9+Descartes&count=3&tag=a&tag=b%26c&unused=1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("René Descartes x3 [a, b&c]");

    HttpResponse checked =
        postForm("application/x-www-form-urlencoded", "name=Ada&count=1&subscribe=on");
    assertThat(checked.bodyText()).isEqualTo("Ada x1 [] subscribed");
  }

  @Test
  void aMissingOrUnconvertibleFormFieldIs400NamingIt() throws Exception {
    HttpResponse missing = postForm("application/x-www-form-urlencoded", "count=3");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyText()).contains("Form field 'name' is required.");

    HttpResponse wrong = postForm("application/x-www-form-urlencoded", "name=a&count=three");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyText()).contains("Form field 'count' must be");
  }

  @Test
  void aFormRecordIsBoundFromTheWholeFormAndWhatItsConstructorRefusesIs400() throws Exception {
    String form = "application/x-www-form-urlencoded";
    HttpResponse r =
        postForm(
            "/signup",
            form,
            "email=ada%40example.com&display_name=Ada+L.&topic=math&topic=engines&terms=true");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("ada@example.com Ada L. [math, engines] terms");

    HttpResponse fewest = postForm("/signup", form, "email=ren%C3%A9%40example.com&terms=on");
    assertThat(fewest.statusCode()).isEqualTo(200);
    assertThat(fewest.bodyText()).isEqualTo("rené@example.com - [] terms");

    HttpResponse off = postForm("/signup", form, "email=ren%C3%A9%40example.com&terms=off");
    assertThat(off.statusCode()).isEqualTo(400);
    assertThat(off.bodyText()).contains("Form field 'terms' must be true, false or on");

    HttpResponse missing = postForm("/signup", form, "display_name=Ada&terms=on");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyText()).contains("Form field 'email' is required.");

    HttpResponse refused = postForm("/signup", form, "email=nobody&terms=on");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyText()).contains("The form could not be bound: email must contain @");

    HttpResponse json = postForm("/signup", "application/json", "{\"email\":\"a@b\"}");
    assertThat(json.statusCode()).isEqualTo(415);
  }

  @Test
  void aQueryRecordIsBoundFromTheWholeQueryAndWhatItsConstructorRefusesIs400() throws Exception {
    HttpResponse r = get("/search?q=caf%C3%A9&page_size=5&tag=a&tag=b%26c");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("café 5 [a, b&c]");

    HttpResponse none = get("/search");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.bodyText()).isEqualTo("* 10 []");

    HttpResponse wrong = get("/search?page_size=many");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyText()).contains("Query parameter 'page_size' must be");

    HttpResponse refused = get("/search?page_size=0");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyText())
        .contains("The query could not be bound: page_size must be at least 1");
  }

  @Test
  void aSearchFormAsBrowsersSendItBindsEmptyInputsAsNoValueAndACheckboxAsTrue() throws Exception {
    HttpResponse blank = get("/filter?in_stock=on&max_price=&q=");
    assertThat(blank.statusCode()).isEqualTo(200);
    assertThat(blank.bodyText()).isEqualTo("true - []");

    HttpResponse set = get("/filter?in_stock=false&max_price=30&q=tea");
    assertThat(set.bodyText()).isEqualTo("false 30 [tea]");

    assertThat(get("/filter?max_price=cheap&q=").statusCode()).isEqualTo(400);
    assertThat(get("/filter?in_stock=maybe&q=").bodyText())
        .contains("Query parameter 'in_stock' must be true, false or on (a checked checkbox).");
  }

  @Test
  void anHttpExceptionsOwnHeadersGoOutWithItsProblem() throws Exception {
    HttpResponse busy = get("/busy");
    assertThat(busy.statusCode()).isEqualTo(429);
    assertThat(busy.headers().first("Retry-After")).hasValue("2");
    assertThat(busy.bodyText()).contains("\"detail\":\"Slow down.\"");

    HttpResponse signIn = get("/private");
    assertThat(signIn.statusCode()).isEqualTo(401);
    assertThat(signIn.headers().first("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
    assertThat(signIn.headers().all("Content-Type")).containsExactly("application/problem+json");
  }

  @Test
  void aRequiredFileSentAsAFormWithoutMultipartIs415SayingSo() throws Exception {
    HttpResponse r = postForm("/avatar", "application/x-www-form-urlencoded", "file=me.png");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.bodyText())
        .contains(
            "File 'file' needs a multipart/form-data body (an HTML form with"
                + " enctype=\\\"multipart/form-data\\\"); found application/x-www-form-urlencoded.");
  }

  @Test
  void aMultipartFormGivesItsFieldsAndItsFilesByteForByte() throws Exception {
    String boundary = "----anyfnConformance7MA4YWxkTrZu0gW";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nRené\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[] {(byte) 0x89, 0, '\r', '\n', '-', '-', (byte) 0xff});
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n\r\n"
                + "a\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"b.txt\"\r\n\r\n"
                + "b\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));

    HttpResponse r =
        send(
            request("POST", "/profile")
                .headers(
                    Headers.builder()
                        .add("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .build())
                .body(body.toByteArray())
                .build());
    assertThat(r.statusCode()).as(r.bodyText()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("René me.png image/png 89000d0a2d2dff, 2 docs");

    HttpResponse plain = postForm("/profile", "application/x-www-form-urlencoded", "name=Ada");
    assertThat(plain.bodyText()).isEqualTo("Ada no avatar, 0 docs");

    HttpResponse cut =
        postForm(
            "/profile",
            "multipart/form-data; boundary=" + boundary,
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda");
    assertThat(cut.statusCode()).as(cut.bodyText()).isEqualTo(400);
    assertThat(cut.bodyText()).contains("The multipart body is malformed");
  }

  @Test
  void aJsonBodyForAFormRouteIs415AndABadlyEncodedFormIs400() throws Exception {
    HttpResponse json = postForm("application/json", "{\"name\":\"a\",\"count\":1}");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.bodyText()).contains("send application/x-www-form-urlencoded");

    HttpResponse bad = postForm("application/x-www-form-urlencoded", "name=%zz&count=1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyText()).contains("The form body is badly encoded");
  }

  @Test
  void textReturnIsPlainTextOk() throws Exception {
    HttpResponse r = get("/hello");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("hello");
    assertThat(r.headers().first("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void pathParameterIsConvertedAndRecordIsJson() throws Exception {
    HttpResponse r = get("/users/42");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().first("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(r.bodyText()).isEqualTo("{\"id\":42,\"name\":\"user-42\"}");
  }

  @Test
  void literalSegmentWinsOverParameter() throws Exception {
    assertThat(get("/users/me").bodyText()).isEqualTo("{\"id\":0,\"name\":\"me\"}");
  }

  @Test
  void unconvertiblePathParameterIs400NamingIt() throws Exception {
    HttpResponse r = get("/users/abc");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyText()).contains("Path parameter 'id' must be a long integer.");
  }

  @Test
  void pathParameterInFullwidthDigitsIs400NotAnotherId() throws Exception {
    HttpResponse r = get("/users/%EF%BC%91%EF%BC%92"); // "１２", which Long.valueOf reads as 12
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyText()).contains("Path parameter 'id' must be a long integer.");
  }

  @Test
  void jsonBodyIsBoundAndAnswered() throws Exception {
    HttpResponse r =
        send(json(request("POST", "/echo"), "{\"message\":\"hi\",\"count\":1}").build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"message\":\"HI\",\"count\":2}");
  }

  @Test
  void malformedJsonIs400ProblemWithoutEcho() throws Exception {
    HttpResponse r = send(json(request("POST", "/echo"), "{\"message\": SECRET-PAYLOAD").build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().first("Content-Type")).hasValue("application/problem+json");
    assertThat(r.bodyText())
        .contains("\"error\":\"invalid_json\"")
        .doesNotContain("SECRET-PAYLOAD");
  }

  @Test
  void wrongJsonTypeIs400WithJsonPath() throws Exception {
    HttpResponse r =
        send(json(request("POST", "/echo"), "{\"message\":\"hi\",\"count\":\"many\"}").build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyText()).contains("Field '$.count' must be an integer; found a string.");
  }

  @Test
  void nonJsonContentTypeIs415() throws Exception {
    HttpResponse r =
        send(
            request("POST", "/echo")
                .headers(Headers.builder().add("Content-Type", "text/plain").build())
                .body("{\"message\":\"hi\",\"count\":1}")
                .build());
    assertThat(r.statusCode()).isEqualTo(415);
  }

  @Test
  void aJsonBodyWithoutContentTypeIs415() throws Exception {
    HttpResponse r =
        send(request("POST", "/echo").body("{\"message\":\"hi\",\"count\":1}").build());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.bodyText()).contains("no Content-Type");
  }

  @Test
  void aJsonBodyWhoseContentTypeIsNotAMediaTypeIs415QuotingTheHeaderSent() throws Exception {
    for (String sent : new String[] {";;;", "/json", "json", "application/"}) {
      HttpResponse r =
          send(
              request("POST", "/echo")
                  .headers(Headers.builder().add("Content-Type", sent).build())
                  .body("{\"message\":\"hi\",\"count\":1}")
                  .build());

      assertThat(r.statusCode()).as(sent).isEqualTo(415);
      assertThat(r.bodyText())
          .as(sent)
          .contains(
              "The Content-Type header '"
                  + sent
                  + "' cannot be read as a media type (type/subtype); send the body as"
                  + " application/json (or application/*+json).")
          .doesNotContain("no Content-Type");
    }
  }

  @Test
  void aStringOrABooleanForANumberAndANumberForAStringAre400() throws Exception {
    HttpResponse quoted =
        send(json(request("POST", "/echo"), "{\"message\":\"hi\",\"count\":\"5\"}").build());
    HttpResponse number =
        send(json(request("POST", "/echo"), "{\"message\":12.5,\"count\":1}").build());
    HttpResponse bool =
        send(json(request("POST", "/echo"), "{\"message\":true,\"count\":1}").build());

    assertThat(quoted.statusCode()).isEqualTo(400);
    assertThat(quoted.bodyText()).contains("'$.count' must be an integer; found a string");
    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(number.bodyText()).contains("'$.message'");
    assertThat(bool.statusCode()).isEqualTo(400);
    assertThat(bool.bodyText()).contains("'$.message'");
  }

  @Test
  void repeatedQueryParametersKeepOrder() throws Exception {
    assertThat(get("/tags?tag=b&tag=a&tag=c%2Cd").bodyText()).isEqualTo("[\"b\",\"a\",\"c,d\"]");
  }

  @Test
  void headersAreCaseInsensitive() throws Exception {
    HttpResponse r =
        send(
            request("GET", "/header")
                .headers(Headers.builder().add("x-custom", "v1").build())
                .build());
    assertThat(r.bodyText()).isEqualTo("v1");
    assertThat(get("/header").bodyText()).isEqualTo("none");
  }

  @Test
  void cookiesBindByNameFromTheCookieHeaderAndAMissingOrUnconvertibleOneIs400NamingIt()
      throws Exception {
    assertThat(cookie("theme=dark; session=abc; visits=3").bodyText()).isEqualTo("abc 3");
    assertThat(cookie("session=abc").bodyText()).isEqualTo("abc -");
    // names are case-sensitive (RFC 6265), and the first of a name wins
    assertThat(cookie("Session=no; session=s1; session=s2").bodyText()).isEqualTo("s1 -");

    HttpResponse missing = get("/cookie");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyText()).contains("Cookie 'session'");
    HttpResponse wrong = cookie("session=abc; visits=many");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyText()).contains("Cookie 'visits'");
  }

  private HttpResponse cookie(String header) throws Exception {
    return send(
        request("GET", "/cookie").headers(Headers.builder().add("Cookie", header).build()).build());
  }

  @Test
  void greedyParameterTakesTheRestOfThePath() throws Exception {
    assertThat(get("/files/a/b/c.txt").bodyText()).isEqualTo("file:a/b/c.txt");
  }

  @Test
  void greedyParameterBoundToAListTakesOneConvertedValuePerSegment() throws Exception {
    assertThat(get("/sum/4/-1/10").bodyText()).isEqualTo("3 numbers, sum 13");
    assertThat(get("/sum/7").bodyText()).isEqualTo("1 numbers, sum 7");
    HttpResponse bad = get("/sum/4/x/10");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyText()).contains("Path parameter 'numbers' must be an integer.");
  }

  @Test
  void binaryBodiesRoundTripUnchanged() throws Exception {
    byte[] in = new byte[256];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) i;
    }
    HttpResponse r =
        send(
            request("POST", "/bytes")
                .headers(Headers.builder().add("Content-Type", "application/octet-stream").build())
                .body(in)
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    byte[] out = r.body();
    assertThat(out).hasSize(256);
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).isEqualTo((byte) ~i);
    }
  }

  @Test
  void handlerExceptionIs500WithRequestIdAndNoDetail() throws Exception {
    HttpResponse r = get("/boom");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.bodyText())
        .contains("\"requestId\":")
        .doesNotContain("secret internal detail")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at dev.anyfn");
  }

  @Test
  void httpExceptionMapsToItsStatusWithSafeDetail() throws Exception {
    HttpResponse r = get("/conflict");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.bodyText()).contains("\"detail\":\"Order 7 already exists.\"");
  }

  @Test
  void nullAndVoidReturnsAre204() throws Exception {
    assertThat(get("/nothing").statusCode()).isEqualTo(204);
    assertThat(send(request("DELETE", "/items/9").build()).statusCode()).isEqualTo(204);
  }

  @Test
  void unknownRouteIs404() throws Exception {
    HttpResponse r = get("/no/such/route");
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    HttpResponse r = send(request("POST", "/hello").build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().first("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void headIsServedByGetWithoutBody() throws Exception {
    HttpResponse r = send(request("HEAD", "/hello").build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyLength()).isZero();
  }

  @Test
  void cookiesAreReadAndSet() throws Exception {
    HttpResponse r =
        send(
            request("GET", "/cookies")
                .headers(Headers.builder().add("Cookie", "a=1; theme=dark").build())
                .build());
    assertThat(r.headers().first("X-Seen")).hasValue("dark");
    assertThat(r.headers().all("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("session=abc123"));
  }

  @Test
  void responseStatusHeadersAndEntityPassThrough() throws Exception {
    HttpResponse r = send(request("PUT", "/created").build());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().first("X-Function")).hasValue("conformance");
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1,\"name\":\"new\"}");
  }
}
