package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.anyfn.aws.RuntimeApiServer.Posted;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.PackagingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fixture function {@code shop} under AWS's own runtime interface client in a child JVM,
 * with the handler string and environment exactly as the generated template states them, against
 * {@link RuntimeApiServer}. One JVM serves every event.
 */
class RuntimeInterfaceClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 60;

  @TempDir static Path dir;
  private static RuntimeApiServer api;
  private static Process lambda;
  private static Path log;
  private static int requests;

  @BeforeAll
  static void startRuntime() throws Exception {
    Path out = dir.resolve("anyfn/aws");
    new AwsPackager()
        .writeDescriptors(
            FunctionIndex.load(RuntimeInterfaceClientIT.class.getClassLoader()),
            new PackagingContext(out, dir, "shop", dir.resolve("shop-aws.jar"), Map.of()));
    JsonNode function =
        new YAMLMapper()
            .readTree(out.resolve("template.yaml").toFile())
            .at("/Resources/ShopFunction/Properties");
    String handler = function.get("Handler").asText();
    api = new RuntimeApiServer();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path")));
    command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    command.add(handler);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("AWS_LAMBDA_FUNCTION_NAME", "shop");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", function.get("MemorySize").asText());
    function
        .at("/Environment/Variables")
        .properties()
        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    log = dir.resolve("lambda.log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    lambda = pb.start();
  }

  @AfterAll
  static void stopRuntime() throws Exception {
    if (lambda != null) {
      lambda.destroy();
      if (!lambda.waitFor(10, TimeUnit.SECONDS)) {
        lambda.destroyForcibly();
      }
    }
    if (api != null) {
      api.close();
    }
  }

  private static Posted invoke(JsonNode event) throws Exception {
    return invoke(JSON.writeValueAsBytes(event), 20_000);
  }

  private static Posted invoke(byte[] event, long timeoutMillis) throws Exception {
    String id = "ric-" + ++requests;
    CompletableFuture<Posted> answer =
        api.enqueue(id, event, timeoutMillis, "Root=1-abc;Parent=def;Sampled=1");
    try {
      return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "No answer from the runtime client for "
              + id
              + ". Init error: "
              + api.initError.getNow("none")
              + "\nChild output:\n"
              + Files.readString(log),
          e);
    }
  }

  private static JsonNode response(Posted p) throws Exception {
    assertThat(p.kind()).as("posted to %s with %s", p.kind(), p.body()).isEqualTo("response");
    return JSON.readTree(p.body());
  }

  private static List<String> failures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
    return ids;
  }

  @Test
  void everyEventSourceIsAnsweredThroughTheRealRuntimeClient() throws Exception {
    JsonNode url = response(invoke(Lambda.event("function-url.json")));
    assertThat(url.get("body").asText()).isEqualTo("{\"id\":\"42\",\"name\":\"cold\",\"age\":0}");

    JsonNode v2 = response(invoke(Lambda.event("http-api-v2.json")));
    assertThat(v2.get("statusCode").asInt()).isEqualTo(200);
    assertThat(v2.get("cookies")).hasSize(2);
    assertThat(v2.at("/headers/X-Query").asText()).isEqualTo("{tag=[a,b, c], q=[x y]}");
    assertThat(v2.at("/headers/X-Request-Id").asText()).startsWith("ric-");
    assertThat(v2.at("/headers/X-Trace").asText()).isEqualTo("1-abc");
    assertThat(v2.at("/headers/X-Deployment").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:shop");

    JsonNode v1 = response(invoke(Lambda.event("rest-api-v1.json")));
    assertThat(v1.at("/headers/X-Tags").asText()).isEqualTo("one|two");
    assertThat(v1.at("/multiValueHeaders/Set-Cookie")).hasSize(2);

    JsonNode alb = response(invoke(Lambda.event("alb-multi.json")));
    assertThat(alb.get("statusDescription").asText()).isEqualTo("200 OK");
    assertThat(alb.has("multiValueHeaders")).isTrue();

    ObjectNode boom = Lambda.event("http-api-v2.json");
    boom.put("rawPath", "/boom");
    JsonNode failed = response(invoke(boom));
    assertThat(failed.get("statusCode").asInt()).isEqualTo(500);
    assertThat(failed.get("body").asText())
        .contains("\"requestId\":\"ric-")
        .doesNotContain("SECRET");

    ObjectNode badBase64 = Lambda.event("http-api-v2.json");
    badBase64.put("body", "%%%").put("isBase64Encoded", true);
    assertThat(response(invoke(badBase64)).get("statusCode").asInt()).isEqualTo(400);

    assertThat(failures(response(invoke(Lambda.event("sqs.json")))))
        .containsExactly("msg-retry", "msg-not-json");
    assertThat(failures(response(invoke(Lambda.event("dynamodb.json")))))
        .containsExactly("222", "333");
    assertThat(failures(response(invoke(Lambda.event("kinesis.json"))))).hasSize(2);

    assertThat(invoke(Lambda.event("sns.json")).kind()).isEqualTo("response");
    assertThat(invoke(Lambda.event("s3-put.json")).kind()).isEqualTo("response");
    assertThat(invoke(Lambda.event("eventbridge-custom.json")).kind()).isEqualTo("response");

    Posted schedule = invoke(Lambda.event("scheduled-event.json"));
    assertThat(schedule.isError()).isTrue();
    JsonNode error = JSON.readTree(schedule.body());
    assertThat(error.get("errorType").asText()).isEqualTo("dev.anyfn.aws.FunctionFailedException");
    assertThat(error.get("errorMessage").asText())
        .contains("an EventBridge Scheduled Event failed");

    ObjectNode snsFail = Lambda.event("sns.json");
    ((ObjectNode) snsFail.withArray("Records").get(0).get("Sns")).put("Message", "fail");
    assertThat(invoke(snsFail).isError()).isTrue();

    Posted sum = invoke("{\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8), 20_000);
    assertThat(sum.body()).isEqualTo("{\"total\":5}");
    Posted invokeFailure = invoke("{\"a\":-1,\"b\":3}".getBytes(StandardCharsets.UTF_8), 20_000);
    assertThat(invokeFailure.isError()).isTrue();
    assertThat(JSON.readTree(invokeFailure.body()).get("errorMessage").asText())
        .startsWith("handler_error:");
    // the caller gets no frames of anyfn's (SECURITY.md: no stack traces in answers)
    assertThat(JSON.readTree(invokeFailure.body()).path("stackTrace")).isEmpty();

    Posted unknown =
        invoke(
            "{\"Records\":[{\"eventSource\":\"aws:ses\"}]}".getBytes(StandardCharsets.UTF_8),
            20_000);
    assertThat(unknown.isError()).isTrue();
    assertThat(JSON.readTree(unknown.body()).get("errorType").asText())
        .isEqualTo("dev.anyfn.aws.BadEventException");
    assertThat(JSON.readTree(unknown.body()).path("stackTrace")).isEmpty();

    ObjectNode slow = Lambda.event("http-api-v2.json");
    slow.put("rawPath", "/slow").put("rawQueryString", "");
    JsonNode timedOut = response(invoke(JSON.writeValueAsBytes(slow), 1_500));
    assertThat(timedOut.get("statusCode").asInt()).isEqualTo(504);

    // Still serving after a timeout (the runtime thread was not left interrupted), from a new
    // instance: the timed-out one was retired.
    assertThat(response(invoke(Lambda.event("function-url.json"))).get("body").asText())
        .contains("cold");
    assertThat(response(invoke(Lambda.event("function-url.json"))).get("body").asText())
        .contains("warm");
  }
}
