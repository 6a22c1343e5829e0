package dev.anyfn.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.aws.FakeSns;
import dev.anyfn.aws.FakeSqs;
import dev.anyfn.aws.RuntimeApiServer.Posted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged {@code -aws.jar} under AWS's own runtime interface client, one child JVM per
 * function of the generated SAM template, each started with the template's handler string, memory
 * and environment, and fed recorded-shape events of every source through a Runtime API server.
 */
class LambdaPackagedIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHIPMENTS_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/shipments";
  private static final String RESTOCK_ARN = "arn:aws:sns:eu-west-1:123456789012:restock";

  private static Map<String, SamFunction> template;
  private static Path journal;
  private static FakeSqs sqs;
  private static FakeSns sns;
  private static LambdaUnderRuntimeClient storefront;
  private static LambdaUnderRuntimeClient fulfilment;

  @RegisterExtension
  static final AttachChildOutput OUTPUTS =
      new AttachChildOutput(
          () ->
              Stream.of(storefront, fulfilment)
                  .filter(Objects::nonNull)
                  .map(LambdaUnderRuntimeClient::output)
                  .collect(Collectors.joining("\n")));

  @BeforeAll
  static void startEveryFunctionOfTheTemplate() throws Exception {
    journal = Packaged.freshJournal();
    template = SamFunction.read(Packaged.samTemplate());
    sqs = FakeSqs.start();
    sns = FakeSns.start();
    // What Lambda and CloudFormation give the storefront: the queue's URL for the template's !Ref,
    // the role's credentials; and where this test's SQS listens, which the SDK reads itself.
    SamFunction sender =
        function("storefront")
            .withRef("ANYFN_QUEUE_URL_SHIPMENTS", "ShipmentsQueue", SHIPMENTS_URL)
            .withRef("ANYFN_TOPIC_ARN_RESTOCK", "RestockTopic", RESTOCK_ARN)
            .withVariables(
                Map.of(
                    "AWS_ENDPOINT_URL_SQS", sqs.endpoint(),
                    "AWS_ENDPOINT_URL_SNS", sns.endpoint(),
                    "AWS_ACCESS_KEY_ID", "AKIDTEST",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    "AWS_SESSION_TOKEN", "session"));
    Path work = Packaged.target().resolve("it-lambda");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<LambdaUnderRuntimeClient> web =
          pool.submit(() -> LambdaUnderRuntimeClient.start(sender, work));
      Future<LambdaUnderRuntimeClient> events =
          pool.submit(() -> LambdaUnderRuntimeClient.start(function("fulfilment"), work));
      // assigned before either is awaited for failure, so @AfterAll stops whichever started
      try {
        storefront = web.get();
      } finally {
        fulfilment = events.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void stopEveryFunction() {
    if (sqs != null) {
      sqs.close();
    }
    if (sns != null) {
      sns.close();
    }
    if (storefront != null) {
      storefront.close();
    }
    if (fulfilment != null) {
      fulfilment.close();
    }
  }

  private static SamFunction function(String name) {
    SamFunction fn = template.get(name);
    assertThat(fn)
        .as("function %s in the template, which has %s", name, template.keySet())
        .isNotNull();
    return fn;
  }

  private static ObjectNode event(String name) {
    try (InputStream in = LambdaPackagedIT.class.getResourceAsStream("/aws/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded HTTP API v2 event (with its cookies), retargeted at {@code method path}. */
  private static ObjectNode httpV2(String method, String path) {
    ObjectNode e = event("http-api-v2.json");
    e.put("rawPath", path).put("rawQueryString", "").remove("queryStringParameters");
    e.withObject("/requestContext/http").put("method", method).put("path", path);
    return e;
  }

  private static Posted invoke(LambdaUnderRuntimeClient lambda, JsonNode event) throws Exception {
    return lambda.invoke(JSON.writeValueAsBytes(event));
  }

  /** The response the runtime posted; fails with the child's output if it posted an error. */
  private static JsonNode response(LambdaUnderRuntimeClient lambda, JsonNode event)
      throws Exception {
    Posted posted = invoke(lambda, event);
    assertThat(posted.kind())
        .as("posted %s for %s\n%s", posted.body(), event, lambda.output())
        .isEqualTo("response");
    return JSON.readTree(posted.body());
  }

  private static JsonNode error(LambdaUnderRuntimeClient lambda, JsonNode event) throws Exception {
    Posted posted = invoke(lambda, event);
    assertThat(posted.isError()).as("posted %s\n%s", posted.body(), lambda.output()).isTrue();
    return JSON.readTree(posted.body());
  }

  private static List<String> batchItemFailures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
    return ids;
  }

  private static List<String> journal(String token) throws IOException {
    return Packaged.journalLines(journal, token);
  }

  // ---- the template --------------------------------------------------------------------------

  @Test
  void templateDeploysEachFunctionFromThePackagedJarWithTheAnyfnHandlerNamingIt() throws Exception {
    assertThat(template).containsOnlyKeys("storefront", "fulfilment");
    for (SamFunction fn : template.values()) {
      assertThat(fn.code()).isEqualTo(Packaged.awsJar());
      assertThat(fn.handler()).isEqualTo("dev.anyfn.aws.LambdaHandler::handleRequest");
      assertThat(fn.environment())
          .containsEntry("ANYFN_FUNCTION", fn.name())
          .containsEntry("FULFILMENT_JOURNAL", journal.toString());
    }
    assertThat(function("storefront").memoryMb()).isEqualTo(768);
    assertThat(function("fulfilment").memoryMb()).isEqualTo(512);
  }

  @Test
  void packagedJarCarriesNoOtherProvidersAdapterAndNoTestClasses() throws Exception {
    List<String> entries = new ArrayList<>();
    try (var jar = new java.util.jar.JarFile(Packaged.awsJar().toFile())) {
      jar.stream().forEach(e -> entries.add(e.getName()));
    }
    assertThat(entries)
        .contains("dev/anyfn/it/Storefront.class", "dev/anyfn/aws/LambdaHandler.class")
        .noneMatch(n -> n.startsWith("dev/anyfn/gcp/") || n.startsWith("dev/anyfn/azure/"))
        .noneMatch(n -> n.startsWith("com/google/cloud/functions/"))
        .noneMatch(n -> n.startsWith("dev/anyfn/it/LambdaPackagedIT"));
  }

  // ---- HTTP front doors ----------------------------------------------------------------------

  @Test
  void httpApiV2PathAndQueryParametersAreBoundAndTheAnswerIsJson() throws Exception {
    JsonNode r = response(storefront, event("http-api-v2.json"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(JSON.readTree(r.path("body").asText()))
        .isEqualTo(
            JSON.readTree(
                "{\"sku\":\"sku-7\",\"name\":\"Item SKU-7\",\"priceCents\":1250,"
                    + "\"currency\":\"USD\"}"));
  }

  @Test
  void httpApiV2HeadIsAnsweredByTheGetRouteWithItsHeadersAndNoBody() throws Exception {
    // The template routes HEAD /products/{sku} to the function (an HTTP API route answers only its
    // own method); anyfn's router answers it from the GET route.
    JsonNode r = response(storefront, httpV2("HEAD", "/products/sku-7"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(r.path("body").asText()).isEmpty();
  }

  @Test
  void httpApiV2BinaryBodyArrivesAndLeavesBase64Encoded() throws Exception {
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, 13, 10};
    ObjectNode upload = httpV2("POST", "/labels");
    upload.withObject("/headers").put("content-type", "application/octet-stream");
    upload.put("body", Base64.getEncoder().encodeToString(image)).put("isBase64Encoded", true);
    JsonNode r = response(storefront, upload);
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(r.path("body").asText()))
        .containsExactly(10, 13, 0xFF, 0, 'G', 'N', 'P', 0x89);
  }

  @Test
  void httpApiV2CookiesArriveFromTheCookiesArrayAndLeaveInIt() throws Exception {
    ObjectNode visit = httpV2("GET", "/visits");
    JsonNode r = response(storefront, visit);
    assertThat(r.path("body").asText()).isEqualTo("visit 3");
    assertThat(r.path("cookies")).hasSize(1);
    assertThat(r.path("cookies").get(0).asText()).startsWith("visits=3");
    assertThat(r.path("headers").has("Set-Cookie")).isFalse();
  }

  @Test
  void handlerExceptionIsA500ProxyResponseWithTheRequestIdAndNothingInternal() throws Exception {
    JsonNode r = response(storefront, httpV2("POST", "/checkout"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(500);
    assertThat(r.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(r.path("body").asText());
    assertThat(problem.path("status").asInt()).isEqualTo(500);
    assertThat(problem.path("requestId").asText()).startsWith("lambda-storefront-");
    assertThat(r.path("body").asText())
        .doesNotContain("sk_live_hidden")
        .doesNotContain("IllegalStateException");
    assertThat(storefront.output()).contains("sk_live_hidden");
  }

  @Test
  void whatTheHandlerSendsAndPublishesGoesToSqsAndSnsThroughTheSdkInTheJarOnceItAnswered()
      throws Exception {
    JsonNode accepted = response(storefront, httpV2("POST", "/orders/abc"));
    JsonNode refused = response(storefront, httpV2("POST", "/orders/discontinued"));

    assertThat(accepted.path("statusCode").asInt()).isEqualTo(200);
    assertThat(refused.path("statusCode").asInt()).isEqualTo(422);
    assertThat(sqs.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.target()).isEqualTo("AmazonSQS.SendMessageBatch");
              assertThat(r.queueUrl()).isEqualTo(SHIPMENTS_URL);
              assertThat(r.bodies()).containsExactly("ship abc");
            });
    assertThat(sns.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("PublishBatch");
              assertThat(r.topicArn()).isEqualTo(RESTOCK_ARN);
              assertThat(r.messages()).containsExactly("sold abc");
            });
    assertThat(function("storefront").environment())
        .containsEntry("ANYFN_QUEUE_URL_SHIPMENTS", "ShipmentsQueue")
        .containsEntry("ANYFN_TOPIC_ARN_RESTOCK", "RestockTopic");
  }

  @Test
  void unknownRouteIsA404Problem() throws Exception {
    JsonNode r = response(storefront, httpV2("GET", "/basket"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(404);
    assertThat(r.path("body").asText()).contains("\"status\":404");
  }

  @Test
  void restApiV1HttpExceptionBecomesItsStatusInTheV1ResponseShape() throws Exception {
    JsonNode r = response(storefront, event("rest-api-v1.json"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(404);
    assertThat(r.has("multiValueHeaders")).isTrue();
    assertThat(r.has("cookies")).isFalse();
    assertThat(r.path("body").asText()).contains("Product discontinued is no longer sold.");
  }

  @Test
  void functionUrlCookieRoundTrip() throws Exception {
    JsonNode r = response(storefront, event("function-url.json"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.path("body").asText()).isEqualTo("visit 42");
    assertThat(r.path("cookies").get(0).asText()).startsWith("visits=42");
  }

  @Test
  void albRequestIsAnsweredInTheAlbSingleValueShape() throws Exception {
    JsonNode r = response(storefront, event("alb.json"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.path("statusDescription").asText()).isEqualTo("200 OK");
    assertThat(r.has("multiValueHeaders")).isFalse();
    assertThat(JSON.readTree(r.path("body").asText()).path("currency").asText()).isEqualTo("GBP");
  }

  // ---- event sources -------------------------------------------------------------------------

  @Test
  void sqsBatchReportsOnlyTheFailedAndUnreadableMessages() throws Exception {
    JsonNode r = response(fulfilment, event("sqs.json"));
    assertThat(batchItemFailures(r)).containsExactly("sqs-no-parcels", "sqs-truncated");
    assertThat(journal("sqs-order-"))
        .containsExactly("SHIP order=sqs-order-1 parcels=3", "SHIP order=sqs-order-4 parcels=1");
  }

  @Test
  void aMessageSetAsideInTheQueuesDeadLetterQueueReachesTheHandlerReadingIt() throws Exception {
    JsonNode r = response(fulfilment, event("sqs-poison.json"));
    assertThat(batchItemFailures(r)).isEmpty();
    assertThat(journal("sqs-poison-")).containsExactly("SET ASIDE order=sqs-poison-1 parcels=0");
  }

  @Test
  void aStageDeployedWithANamePrefixGetsItsPrefixedQueuesEventsAtTheAnnotationsHandlers()
      throws Exception {
    Map<String, SamFunction> dev = SamFunction.read(Packaged.samTemplate(), "dev-");
    assertThat(dev).containsOnlyKeys("dev-storefront", "dev-fulfilment");
    SamFunction fn = dev.get("dev-fulfilment");
    assertThat(fn.environment())
        .containsEntry("ANYFN_FUNCTION", "fulfilment")
        .containsEntry("ANYFN_NAME_PREFIX", "dev-");
    ObjectNode e = event("sqs-poison.json");
    ObjectNode message = (ObjectNode) e.withArray("Records").get(0);
    message.put("eventSourceARN", "arn:aws:sqs:eu-west-1:210987654321:dev-shipments-poison");
    message.put("body", "{\"orderId\":\"dev-poison-1\",\"parcels\":0}");

    try (LambdaUnderRuntimeClient devFulfilment =
        LambdaUnderRuntimeClient.start(fn, Packaged.target().resolve("it-lambda-dev"))) {
      assertThat(batchItemFailures(response(devFulfilment, e))).isEmpty();
    }
    // the handler of @OnQueue("shipments-poison"), not that of @OnQueue("shipments")
    assertThat(journal("dev-poison-")).containsExactly("SET ASIDE order=dev-poison-1 parcels=0");
  }

  @Test
  void kinesisBatchReportsFailuresBySequenceNumber() throws Exception {
    JsonNode r = response(fulfilment, event("kinesis.json"));
    assertThat(batchItemFailures(r))
        .containsExactly(
            "49650000000000000000000000000000000000000000000000000002",
            "49650000000000000000000000000000000000000000000000000003");
    assertThat(journal("kinesis-order-")).containsExactly("SHIP order=kinesis-order-1 parcels=2");
  }

  @Test
  void snsNotificationReachesTheTopicHandlerWithItsAttributes() throws Exception {
    assertThat(invoke(fulfilment, event("sns.json")).kind()).isEqualTo("response");
    assertThat(journal("id=sns-restock-1"))
        .containsExactly(
            "RESTOCK id=sns-restock-1 body={\"sku\":\"sku-7\",\"units\":40}"
                + " attributes={warehouse=dublin}");
  }

  @Test
  void failingSnsNotificationIsAnInvocationErrorSoLambdaRetriesIt() throws Exception {
    ObjectNode sns = event("sns.json");
    ObjectNode message = (ObjectNode) sns.withArray("Records").get(0).get("Sns");
    message.put("MessageId", "sns-restock-2").put("Message", "explode");
    JsonNode error = error(fulfilment, sns);
    assertThat(error.path("errorMessage").asText()).contains("sns-restock-2");
    assertThat(journal("id=sns-restock-2")).isEmpty();
  }

  @Test
  void eventBridgeEventFromTheTopicsSourceReachesTheTopicHandler() throws Exception {
    assertThat(invoke(fulfilment, event("eventbridge-custom.json")).kind()).isEqualTo("response");
    assertThat(journal("id=eb-restock-1"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("\"sku\":\"sku-9\"").contains("\"units\":5"));
  }

  @Test
  void s3UploadReachesTheStorageHandlerWithTheKeyDecoded() throws Exception {
    assertThat(invoke(fulfilment, event("s3-put.json")).kind()).isEqualTo("response");
    assertThat(journal("bucket=invoices"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("kind=CREATED")
                    .endsWith("key=2026/11/invoice no. 17.pdf size=20480"));
  }

  @Test
  void eventBridgeScheduledEventReachesTheScheduleHandler() throws Exception {
    assertThat(invoke(fulfilment, event("scheduled-event.json")).kind()).isEqualTo("response");
    assertThat(journal("NIGHTLY"))
        .containsExactly("NIGHTLY id=eb-nightly-1 at=2026-11-27T02:30:00Z");
  }

  @Test
  void dynamoDbStreamBindsImagesAndStopsAtTheFirstFailureReportingItAndEveryLaterRecord()
      throws Exception {
    JsonNode r = response(fulfilment, event("dynamodb.json"));
    // a stream shard is processed in order: the REMOVE after the failed MODIFY waits for the retry;
    // handlers see each record's eventID, Lambda gets failures back by sequence number
    assertThat(batchItemFailures(r))
        .containsExactly("700000000000000000002", "700000000000000000003");
    assertThat(journal("STOCK"))
        .containsExactly(
            "STOCK id=ddb-insert-1 kind=INSERT keys={id=sku-7} old=-"
                + " new=StockLevel[sku=sku-7, onHand=12]");

    ObjectNode retry = event("dynamodb.json");
    retry.withArray("Records").remove(0);
    retry.withArray("Records").remove(0);
    assertThat(batchItemFailures(response(fulfilment, retry))).isEmpty();
    assertThat(journal("kind=REMOVE"))
        .containsExactly(
            "STOCK id=ddb-remove-3 kind=REMOVE keys={id=sku-9}"
                + " old=StockLevel[sku=sku-9, onHand=0] new=-");
  }

  @Test
  void directInvocationOfAFunctionWithoutAnInvokeHandlerIsAnErrorNamingItsTriggers()
      throws Exception {
    Posted posted =
        fulfilment.invoke("{\"orderId\":\"direct-1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.isError()).as(posted.body()).isTrue();
    assertThat(JSON.readTree(posted.body()).path("errorMessage").asText())
        .contains("fulfilment")
        .contains("QUEUE shipments");
    assertThat(Files.exists(journal) ? Files.readString(journal) : "").doesNotContain("direct-1");
  }

  @Test
  void directInvocationBindsThePayloadAndAnswersTheHandlersJson() throws Exception {
    Posted posted =
        storefront.invoke("{\"sku\":\"abc\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.kind()).as(posted.body()).isEqualTo("response");
    assertThat(JSON.readTree(posted.body()))
        .isEqualTo(JSON.readTree("{\"sku\":\"abc\",\"quantity\":3,\"totalCents\":2250}"));
  }

  @Test
  void failingDirectInvocationIsAnErrorPostWithoutTheHandlersMessage() throws Exception {
    Posted posted =
        storefront.invoke("{\"sku\":\"abc\",\"quantity\":0}".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.isError()).as(posted.body()).isTrue();
    assertThat(posted.body()).doesNotContain("q-7731");
  }
}
