package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpFrontDoorsTest {
  private final Lambda lambda = new Lambda("shop");

  @Test
  void theTraceIdComesFromTheRuntimesPropertyWhenTheContextHasNone() {
    String before = System.getProperty(LambdaHandler.TRACE_HEADER_PROPERTY);
    System.setProperty(LambdaHandler.TRACE_HEADER_PROPERTY, "Root=1-prop;Parent=p;Sampled=1");
    try {
      JsonNode r =
          lambda.callJson(
              Lambda.event("http-api-v2.json"), new TestLambdaContext("req-trace", 10_000, null));
      assertThat(r.at("/headers/X-Trace").asText()).isEqualTo("1-prop");
    } finally {
      if (before == null) {
        System.clearProperty(LambdaHandler.TRACE_HEADER_PROPERTY);
      } else {
        System.setProperty(LambdaHandler.TRACE_HEADER_PROPERTY, before);
      }
    }
  }

  @Test
  void theTraceIdIsTheTraceHeadersRootWhereverItStands() {
    assertThat(LambdaHandler.xrayTraceId("Parent=p; Root=1-a-b ;Sampled=0")).isEqualTo("1-a-b");
    assertThat(LambdaHandler.xrayTraceId("Parent=p;Sampled=1")).isNull();
    assertThat(LambdaHandler.xrayTraceId("Root=")).isNull();
  }

  @Test
  void httpApiV2TakesMultiValueQueryFromRawQueryStringAndCookiesArrayBothWays() {
    JsonNode r = lambda.callJson(Lambda.event("http-api-v2.json"));
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.get("body").asText()).isEqualTo("method=GET");
    assertThat(r.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(r.at("/headers/X-Query").asText()).isEqualTo("{tag=[a,b, c], q=[x y]}");
    assertThat(r.at("/headers/X-Cookies").asText()).isEqualTo("{cookie1=value1, cookie2=value2}");
    assertThat(r.at("/headers/X-Tags").asText()).isEqualTo("one,two");
    assertThat(r.at("/headers/X-Trace").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
    assertThat(r.at("/headers/X-Deployment").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:shop");
    assertThat(r.get("cookies")).hasSize(2);
    assertThat(r.get("cookies").get(0).asText()).startsWith("session=abc");
    assertThat(r.get("headers").has("Set-Cookie")).isFalse();
  }

  @Test
  void httpApiV2NamedStageIsNotPartOfTheRoutedPath() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/prod/hello").put("rawQueryString", "");
    e.withObjectProperty("requestContext").put("stage", "prod");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.get("body").asText()).isEqualTo("hello");
  }

  @Test
  void aHeaderNameLongerThanABodysFieldNameIsStillAnHttpRequest() {
    // API Gateway takes 10 KB of headers; the 1,000-character limit is for names in a body.
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/hello").put("rawQueryString", "");
    e.withObjectProperty("headers").put("x-" + "a".repeat(2_000), "v");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.get("body").asText()).isEqualTo("hello");
  }

  @Test
  void aMalformedHeaderIsA400WhenTheFunctionReadsItAndCarriedWhenNothingDoes() {
    ObjectNode read = Lambda.event("http-api-v2.json");
    read.withObjectProperty("headers").put("x-tag", "one\u0001two");
    ObjectNode unread = Lambda.event("http-api-v2.json");
    unread.withObjectProperty("headers").put("x-unread", "a\r\nb");

    JsonNode refused = lambda.callJson(read);
    JsonNode answered = lambda.callJson(unread);

    assertThat(refused.get("statusCode").asInt()).isEqualTo(400);
    assertThat(refused.get("body").asText())
        .contains("\"error\":\"bad_request\"")
        .contains("Header 'x-tag' has control character 0x1");
    assertThat(answered.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answered.at("/headers/X-Tags").asText()).isEqualTo("one,two");
  }

  @Test
  void functionUrlIsRecognisedAndFirstInvocationIsTheColdStart() {
    JsonNode first = lambda.callJson(Lambda.event("function-url.json"));
    JsonNode second = lambda.callJson(Lambda.event("function-url.json"));
    assertThat(first.get("body").asText()).isEqualTo("{\"id\":\"42\",\"name\":\"cold\",\"age\":0}");
    assertThat(first.at("/headers/Content-Type").asText()).startsWith("application/json");
    assertThat(second.get("body").asText()).contains("\"warm\"");
  }

  @Test
  void restApiV1ReadsMultiValueMapsAndAnswersRepeatedHeadersAsMultiValue() {
    JsonNode r = lambda.callJson(Lambda.event("rest-api-v1.json"));
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.at("/headers/X-Tags").asText()).isEqualTo("one|two");
    assertThat(r.at("/headers/X-Query").asText()).isEqualTo("{tag=[a,1, b]}");
    assertThat(r.at("/headers/X-Cookies").asText()).isEqualTo("{cookie1=value1}");
    assertThat(r.at("/multiValueHeaders/Set-Cookie")).hasSize(2);
    assertThat(r.get("headers").has("Set-Cookie")).isFalse();
    assertThat(r.get("cookies")).isNull();
  }

  @Test
  void restApiV1HeaderNamesDifferingOnlyInCaseAreOneHeaderWithEveryValue() {
    ObjectNode e = Lambda.event("rest-api-v1.json");
    ObjectNode multi = e.withObjectProperty("multiValueHeaders");
    multi.putArray("x-tag").add("three");
    JsonNode r = lambda.callJson(e);
    assertThat(r.at("/headers/X-Tags").asText()).isEqualTo("one|two|three");
  }

  @Test
  void albMultiValueRequestIsAnsweredWithMultiValueHeaders() {
    JsonNode r = lambda.callJson(Lambda.event("alb-multi.json"));
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.get("statusDescription").asText()).isEqualTo("200 OK");
    assertThat(r.has("headers")).isFalse();
    assertThat(r.at("/multiValueHeaders/X-Query/0").asText()).isEqualTo("{tag=[a,b, c]}");
    assertThat(r.at("/multiValueHeaders/X-Tags/0").asText()).isEqualTo("one|two");
    assertThat(r.at("/multiValueHeaders/Set-Cookie")).hasSize(2);
  }

  @Test
  void albSingleValueRequestIsAnsweredWithSingleValueHeaders() {
    ObjectNode e = Lambda.event("alb-single.json");
    e.put("path", "/vary");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.has("multiValueHeaders")).isFalse();
    assertThat(r.at("/headers/X-Query").asText()).isEqualTo("{tag=[a,b]}");
    assertThat(r.at("/headers/Vary").asText()).isEqualTo("Origin, Accept");
    assertThat(r.at("/headers/Set-Cookie").asText()).startsWith("theme=dark");
  }

  @Test
  void albSingleValueAnswerSettingTwoCookiesIsA500RatherThanLosingOne() {
    // /echo sets session and theme; single-value headers could carry only one of them.
    JsonNode r = lambda.callJson(Lambda.event("alb-single.json"));
    assertThat(r.get("statusCode").asInt()).isEqualTo(500);
    assertThat(r.get("body").asText()).contains("\"error\":\"internal_error\"");
    assertThat(r.at("/headers/Set-Cookie").isMissingNode()).isTrue();
  }

  @Test
  void base64BodiesAreDecodedAndBinaryAnswersEncoded() {
    ObjectNode e = post("/bytes");
    e.put("body", Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 0xfe}));
    e.put("isBase64Encoded", true);
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(200);
    assertThat(r.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(r.get("body").asText()))
        .containsExactly((byte) 0xff, (byte) 0xfe, 1);
  }

  @Test
  void invalidBase64BodyIs400InvalidBase64() {
    ObjectNode e = post("/bytes");
    e.put("body", "not*base64");
    e.put("isBase64Encoded", true);
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(400);
    assertThat(r.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    assertThat(r.get("body").asText())
        .contains("\"error\":\"invalid_base64\"")
        .contains("The request says isBase64Encoded but its body is not valid base64");
  }

  @Test
  void traversalInRawPathIs400InvalidPath() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/files/..%2F..%2Fetc/passwd");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(400);
    assertThat(r.get("body").asText()).contains("\"error\":\"invalid_path\"");
  }

  @Test
  void handlerExceptionIsA500ProxyResponseWithTheRequestIdAndNoDetail() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/boom");
    JsonNode r = lambda.callJson(e, TestLambdaContext.of("req-boom"));
    assertThat(r.get("statusCode").asInt()).isEqualTo(500);
    assertThat(r.get("body").asText())
        .contains("\"requestId\":\"req-boom\"")
        .doesNotContain("SECRET")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void handlerReturningNullIs204WithEmptyBody() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/nothing");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(204);
    assertThat(r.get("body").asText()).isEmpty();
  }

  @Test
  void responseOverSixMegabytesIs500NamingTheLimit() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/big").put("rawQueryString", "mb=7");
    JsonNode r = lambda.callJson(e);
    assertThat(r.get("statusCode").asInt()).isEqualTo(500);
    assertThat(r.get("body").asText())
        .contains("\"error\":\"response_too_large\"")
        .contains("limit for a synchronous response is 6291456 bytes (6 MB)");
  }

  @Test
  void handlerRunningPastTheDeadlineIsInterruptedAndAnswered504() {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/slow").put("rawQueryString", "");
    long start = System.nanoTime();
    JsonNode r = lambda.callJson(e, new TestLambdaContext("req-slow", 500, null));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.get("statusCode").asInt()).isEqualTo(504);
    assertThat(r.get("body").asText()).contains("\"error\":\"timed_out\"");
    assertThat(millis).isLessThan(5_000);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // The timed-out instance is retired: the next invocation is a new instance's cold start.
    assertThat(lambda.callJson(Lambda.event("function-url.json")).get("body").asText())
        .contains("cold");
    assertThat(lambda.callJson(Lambda.event("function-url.json")).get("body").asText())
        .contains("warm");
  }

  private static ObjectNode post(String path) {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", path).put("rawQueryString", "");
    e.withObjectProperty("requestContext").withObjectProperty("http").put("method", "POST");
    e.withObjectProperty("headers").put("content-type", "application/octet-stream");
    return e;
  }
}
