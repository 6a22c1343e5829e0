package dev.anyfn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.events.cloud.firestore.v1.Value;
import dev.anyfn.gcp.testing.CloudEventRequests;
import dev.anyfn.gcp.testing.DeployScriptRun;
import dev.anyfn.gcp.testing.GcloudDeploy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
 * The packaged {@code -gcp.jar} under Google's own invoker: one child JVM per deployment of the
 * generated {@code deploy.sh} (the HTTP function and every event trigger), each started with the
 * deployment's source, entry point and environment exactly as the script passes them to gcloud,
 * then sent HTTP requests and CloudEvents in binary and structured mode.
 */
class CloudRunPackagedIT {
  private static final String PUBSUB = "google.cloud.pubsub.topic.v1.messagePublished";
  private static final String FINALIZED = "google.cloud.storage.object.v1.finalized";
  private static final String WRITTEN = "google.cloud.firestore.document.v1.written";
  private static final String FIRESTORE =
      "//firestore.googleapis.com/projects/anyfn-it/databases/(default)";
  private static final List<String> DEPLOYMENTS =
      List.of(
          "storefront",
          "storefront-invoke",
          "fulfilment-queue-shipments",
          "fulfilment-queue-shipments-poison",
          "fulfilment-topic-restock",
          "fulfilment-storage-invoices-finalized",
          "fulfilment-schedule-1",
          "fulfilment-firestore-stock");

  private static Path journal;
  private static DeployScriptRun script;
  private static FakePubSub pubSub;
  private static final Map<String, InvokerUnderTest> invokers = new LinkedHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @RegisterExtension
  static final AttachChildOutput OUTPUTS =
      new AttachChildOutput(
          () ->
              invokers.values().stream()
                  .map(InvokerUnderTest::output)
                  .collect(Collectors.joining("\n")));

  @BeforeAll
  static void startEveryDeploymentOfTheScript() throws Exception {
    journal = Packaged.freshJournal();
    Path work = Packaged.target().resolve("it-cloud-run");
    script =
        DeployScriptRun.run(
            Packaged.deployScript(),
            Files.createDirectories(work),
            Map.of("PROJECT", "anyfn-it", "REGION", "europe-west1"));
    assertThat(script.deploymentNames()).containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
    ExecutorService pool = Executors.newFixedThreadPool(DEPLOYMENTS.size());
    try {
      Map<String, Future<InvokerUnderTest>> starting = new LinkedHashMap<>();
      pubSub = FakePubSub.start();
      // the storefront publishes to this stand-in, as Google's client libraries would to an
      // emulator named by PUBSUB_EMULATOR_HOST
      Map<String, String> sender = Map.of("PUBSUB_EMULATOR_HOST", pubSub.host());
      for (String name : DEPLOYMENTS) {
        Map<String, String> more = name.equals("storefront") ? sender : Map.of();
        starting.put(
            name, pool.submit(() -> InvokerUnderTest.start(script.deployment(name), work, more)));
      }
      // keep every invoker that started, so @AfterAll stops it even when another did not start
      Exception failure = null;
      for (var e : starting.entrySet()) {
        try {
          invokers.put(e.getKey(), e.getValue().get());
        } catch (ExecutionException x) {
          failure = failure == null ? x : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void stopEveryDeployment() {
    invokers.values().forEach(InvokerUnderTest::close);
    if (pubSub != null) {
      pubSub.close();
    }
  }

  // ---- sending -------------------------------------------------------------------------------

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder to(String deployment, String path) {
    return HttpRequest.newBuilder(URI.create(invokers.get(deployment).url(path)));
  }

  private HttpResponse<byte[]> binaryEvent(
      String deployment, String id, String type, String source, String contentType, byte[] data)
      throws Exception {
    return client.send(
        CloudEventRequests.binary(
            URI.create(invokers.get(deployment).url("/")), id, type, source, contentType, data),
        BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> structuredEvent(String deployment, String json) throws Exception {
    return client.send(
        CloudEventRequests.structured(URI.create(invokers.get(deployment).url("/")), json),
        BodyHandlers.ofByteArray());
  }

  private static String pubsubData(String messageId, String body) {
    return "{\"message\":{\"data\":\""
        + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
        + "\",\"attributes\":{\"warehouse\":\"lyon\"},\"messageId\":\""
        + messageId
        + "\",\"publishTime\":\"2026-11-27T09:59:58.250Z\"},"
        + "\"subscription\":\"projects/anyfn-it/subscriptions/eventarc-sub\"}";
  }

  private static String topicSource(String topic) {
    return "//pubsub.googleapis.com/projects/anyfn-it/topics/" + topic;
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static List<String> journal(String token) throws IOException {
    return Packaged.journalLines(journal, token);
  }

  private static String output(String deployment) {
    return invokers.get(deployment).output();
  }

  // ---- the script ----------------------------------------------------------------------------

  @Test
  void everyDeploymentUploadsASourceHoldingExactlyThePackagedJar() throws Exception {
    byte[] packaged = Files.readAllBytes(Packaged.gcpJar());
    for (GcloudDeploy d : script.deployments()) {
      try (Stream<Path> files = Files.list(d.source())) {
        List<Path> uploaded = files.toList();
        assertThat(uploaded).as(d.name()).hasSize(1);
        assertThat(uploaded.get(0).getFileName()).isEqualTo(Packaged.gcpJar().getFileName());
        assertThat(Files.readAllBytes(uploaded.get(0))).isEqualTo(packaged);
      }
      assertThat(d.environment()).containsEntry("FULFILMENT_JOURNAL", journal.toString());
    }
    assertThat(script.deployment("storefront").entryPoint())
        .isEqualTo("dev.anyfn.gcp.HttpEntryPoint");
    assertThat(script.deployment("storefront").environment())
        .containsEntry("ANYFN_FUNCTION", "storefront")
        .doesNotContainKey("ANYFN_TRIGGER");
    assertThat(script.deployment("fulfilment-firestore-stock").entryPoint())
        .isEqualTo("dev.anyfn.gcp.EventEntryPoint");
  }

  @Test
  void packagedJarCarriesNoOtherProvidersAdapterNorGooglesOwnApi() throws Exception {
    List<String> entries;
    try (var jar = new java.util.jar.JarFile(Packaged.gcpJar().toFile())) {
      entries = jar.stream().map(java.util.jar.JarEntry::getName).toList();
    }
    assertThat(entries)
        .contains("dev/anyfn/it/Fulfilment.class", "dev/anyfn/gcp/EventEntryPoint.class")
        .noneMatch(n -> n.startsWith("dev/anyfn/aws/") || n.startsWith("dev/anyfn/azure/"))
        .noneMatch(n -> n.startsWith("com/amazonaws/"))
        // functions-framework-api is supplied by Google's runtime, never bundled
        .noneMatch(n -> n.startsWith("com/google/cloud/functions/HttpFunction"));
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  @Test
  void pathAndQueryParametersAreBoundAndTheAnswerIsJson() throws Exception {
    HttpResponse<byte[]> r = send(to("storefront", "/products/sku-7?currency=USD"));
    assertThat(r.statusCode()).as(output("storefront")).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(text(r))
        .isEqualTo(
            "{\"sku\":\"sku-7\",\"name\":\"Item SKU-7\",\"priceCents\":1250,\"currency\":\"USD\"}");
  }

  @Test
  void unknownRouteIs404AndHttpExceptionKeepsItsStatusAndDetail() throws Exception {
    HttpResponse<byte[]> missing = send(to("storefront", "/basket"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<byte[]> gone = send(to("storefront", "/products/discontinued"));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(text(gone)).contains("Product discontinued is no longer sold.");
  }

  @Test
  void whatTheHandlerSendsAndPublishesGoesToThePubSubTopicsOfTheProjectOnceItAnswered()
      throws Exception {
    HttpResponse<byte[]> accepted =
        send(to("storefront", "/orders/abc").POST(BodyPublishers.noBody()));
    HttpResponse<byte[]> refused =
        send(to("storefront", "/orders/discontinued").POST(BodyPublishers.noBody()));

    assertThat(accepted.statusCode()).as(output("storefront")).isEqualTo(200);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(pubSub.published())
        .extracting(FakePubSub.Publish::path, FakePubSub.Publish::messages)
        .containsExactlyInAnyOrder(
            tuple("/v1/projects/anyfn-it/topics/shipments:publish", List.of("ship abc")),
            tuple("/v1/projects/anyfn-it/topics/restock:publish", List.of("sold abc")));
    assertThat(pubSub.published()).allSatisfy(p -> assertThat(p.authorization()).isNull());
    assertThat(script.deployment("storefront").environment())
        .containsEntry("ANYFN_GCP_PROJECT", "anyfn-it");
  }

  @Test
  void cookieIsReadFromTheRequestAndSetOnTheResponse() throws Exception {
    HttpResponse<byte[]> r =
        send(to("storefront", "/visits").header("Cookie", "consent=yes; visits=9"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("visit 10");
    assertThat(r.headers().allValues("Set-Cookie"))
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("visits=10"));
  }

  @Test
  void binaryBodyArrivesAndLeavesByteForByte() throws Exception {
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, 13, 10};
    HttpResponse<byte[]> r =
        send(
            to("storefront", "/labels")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(image)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.body()).containsExactly(10, 13, 0xFF, 0, 'G', 'N', 'P', 0x89);
  }

  @Test
  void handlerExceptionIs500WithTheRequestIdAndNoStackTraceOrSecret() throws Exception {
    HttpResponse<byte[]> r =
        send(
            to("storefront", "/checkout")
                .header("Function-Execution-Id", "exec-checkout-1")
                .POST(BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(text(r))
        .contains("\"requestId\":\"exec-checkout-1\"")
        .doesNotContain("sk_live_hidden")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at dev.anyfn");
    assertThat(output("storefront")).contains("sk_live_hidden").contains("exec-checkout-1");
  }

  // ---- Pub/Sub: queue, topic, schedule -------------------------------------------------------

  @Test
  void binaryModePubSubMessageIsBoundToTheQueueHandlersRecord() throws Exception {
    HttpResponse<byte[]> r =
        binaryEvent(
            "fulfilment-queue-shipments",
            "ce-ship-1",
            PUBSUB,
            topicSource("shipments"),
            "application/json",
            pubsubData("ps-ship-1", "{\"orderId\":\"gcp-order-1\",\"parcels\":4}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(output("fulfilment-queue-shipments")).isEqualTo(200);
    assertThat(journal("gcp-order-1")).containsExactly("SHIP order=gcp-order-1 parcels=4");
  }

  @Test
  void theQueuesDeadLetterTopicIsSetUpAndItsMessagesReachTheHandlerReadingIt() throws Exception {
    assertThat(script.calls())
        .anySatisfy(
            call ->
                assertThat(call)
                    .startsWith("pubsub", "subscriptions", "update")
                    .contains(
                        "--dead-letter-topic",
                        "projects/anyfn-it/topics/shipments-poison",
                        "--max-delivery-attempts",
                        "5"));
    assertThat(script.deployment("fulfilment-queue-shipments-poison").args())
        .contains("--trigger-topic=shipments-poison");
    HttpResponse<byte[]> r =
        binaryEvent(
            "fulfilment-queue-shipments-poison",
            "ce-ship-poison",
            PUBSUB,
            topicSource("shipments-poison"),
            "application/json",
            pubsubData("ps-poison-1", "{\"orderId\":\"gcp-poison-1\",\"parcels\":0}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(output("fulfilment-queue-shipments-poison")).isEqualTo(200);
    assertThat(journal("gcp-poison-1")).containsExactly("SET ASIDE order=gcp-poison-1 parcels=0");
  }

  @Test
  void structuredModePubSubMessageIsBoundToTheQueueHandlersRecord() throws Exception {
    HttpResponse<byte[]> r =
        structuredEvent(
            "fulfilment-queue-shipments",
            "{\"specversion\":\"1.0\",\"id\":\"ce-ship-2\",\"type\":\""
                + PUBSUB
                + "\",\"source\":\""
                + topicSource("shipments")
                + "\",\"datacontenttype\":\"application/json\",\"data\":"
                + pubsubData("ps-ship-2", "{\"orderId\":\"gcp-order-2\",\"parcels\":1}")
                + "}");
    assertThat(r.statusCode()).as(output("fulfilment-queue-shipments")).isEqualTo(200);
    assertThat(journal("gcp-order-2")).containsExactly("SHIP order=gcp-order-2 parcels=1");
  }

  @Test
  void failingQueueMessageIsANon2xxAnswerSoPubSubRedelivers() throws Exception {
    HttpResponse<byte[]> r =
        binaryEvent(
            "fulfilment-queue-shipments",
            "ce-ship-3",
            PUBSUB,
            topicSource("shipments"),
            "application/json",
            pubsubData("ps-ship-3", "{\"orderId\":\"gcp-order-3\",\"parcels\":0}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isBetween(500, 599);
    assertThat(journal("gcp-order-3")).isEmpty();
    assertThat(output("fulfilment-queue-shipments")).contains("order gcp-order-3 has no parcels");
  }

  @Test
  void pubSubMessageReachesTheTopicHandlerWithItsAttributes() throws Exception {
    HttpResponse<byte[]> r =
        binaryEvent(
            "fulfilment-topic-restock",
            "ce-restock-1",
            PUBSUB,
            topicSource("restock"),
            "application/json",
            pubsubData("ps-restock-1", "{\"sku\":\"sku-3\",\"units\":7}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(output("fulfilment-topic-restock")).isEqualTo(200);
    assertThat(journal("id=ps-restock-1"))
        .containsExactly(
            "RESTOCK id=ps-restock-1 body={\"sku\":\"sku-3\",\"units\":7}"
                + " attributes={warehouse=lyon}");
  }

  @Test
  void schedulerMessageOnTheScheduleTopicReachesTheScheduleHandler() throws Exception {
    HttpResponse<byte[]> r =
        structuredEvent(
            "fulfilment-schedule-1",
            "{\"specversion\":\"1.0\",\"id\":\"ce-nightly-1\",\"type\":\""
                + PUBSUB
                + "\",\"source\":\""
                + topicSource("anyfn-fulfilment-schedule-1")
                + "\",\"datacontenttype\":\"application/json\",\"data\":"
                + pubsubData("ps-nightly-1", "{}")
                + "}");
    assertThat(r.statusCode()).as(output("fulfilment-schedule-1")).isEqualTo(200);
    assertThat(journal("id=ps-nightly-1"))
        .containsExactly("NIGHTLY id=ps-nightly-1 at=2026-11-27T09:59:58.250Z");
  }

  // ---- Cloud Storage -------------------------------------------------------------------------

  @Test
  void storageFinalizedEventsReachTheStorageHandlerInBothModes() throws Exception {
    String source = "//storage.googleapis.com/projects/_/buckets/invoices";
    HttpResponse<byte[]> binary =
        binaryEvent(
            "fulfilment-storage-invoices-finalized",
            "ce-invoice-1",
            FINALIZED,
            source,
            "application/json",
            ("{\"kind\":\"storage#object\",\"bucket\":\"invoices\",\"name\":\"2026/11/no 18.pdf\","
                    + "\"size\":\"30720\",\"generation\":\"1795773600000000\","
                    + "\"contentType\":\"application/pdf\",\"etag\":\"CKih16GjvYADEAE=\"}")
                .getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> structured =
        structuredEvent(
            "fulfilment-storage-invoices-finalized",
            "{\"specversion\":\"1.0\",\"id\":\"ce-invoice-2\",\"type\":\""
                + FINALIZED
                + "\",\"source\":\""
                + source
                + "\",\"subject\":\"objects/2026/11/no 19.pdf\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"bucket\":\"invoices\","
                + "\"name\":\"2026/11/no 19.pdf\",\"size\":\"512\"}}");
    assertThat(binary.statusCode())
        .as(output("fulfilment-storage-invoices-finalized"))
        .isEqualTo(200);
    assertThat(structured.statusCode()).isEqualTo(200);
    assertThat(journal("bucket=invoices key=2026/11/no 18.pdf"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("kind=CREATED").endsWith("size=30720"));
    assertThat(journal("bucket=invoices key=2026/11/no 19.pdf"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("kind=CREATED").endsWith("size=512"));
  }

  @Test
  void aStageDeployedWithAPrefixGetsItsPrefixedBucketsEventsUnderTheAnnotationsBucketName()
      throws Exception {
    Path work = Files.createDirectories(Packaged.target().resolve("it-cloud-run-dev"));
    DeployScriptRun dev =
        DeployScriptRun.run(
            Packaged.deployScript(),
            work,
            Map.of("PROJECT", "anyfn-it", "REGION", "europe-west1", "PREFIX", "dev-"));
    var deployment = dev.deployment("dev-fulfilment-storage-invoices-finalized");
    assertThat(deployment.args()).contains("--trigger-event-filters=bucket=dev-invoices");

    try (InvokerUnderTest invoker = InvokerUnderTest.start(deployment, work)) {
      HttpResponse<byte[]> r =
          client.send(
              CloudEventRequests.binary(
                  URI.create(invoker.url("/")),
                  "ce-dev-invoice-1",
                  FINALIZED,
                  "//storage.googleapis.com/projects/_/buckets/dev-invoices",
                  "application/json",
                  "{\"bucket\":\"dev-invoices\",\"name\":\"dev-stage/1.pdf\",\"size\":\"9\"}"
                      .getBytes(StandardCharsets.UTF_8)),
              BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(invoker.output()).isEqualTo(200);
    }
    assertThat(journal("key=dev-stage/1.pdf"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("bucket=invoices key=dev-stage/1.pdf"));
  }

  // ---- Firestore -----------------------------------------------------------------------------

  private static Document stock(String sku, long onHand) {
    return Document.newBuilder()
        .setName("projects/anyfn-it/databases/(default)/documents/stock/" + sku)
        .putFields("sku", Value.newBuilder().setStringValue(sku).build())
        .putFields("onHand", Value.newBuilder().setIntegerValue(onHand).build())
        .build();
  }

  @Test
  void firestoreProtobufWrittenEventsBecomeDataChangesInBothModes() throws Exception {
    byte[] insert =
        DocumentEventData.newBuilder().setValue(stock("sku-20", 8)).build().toByteArray();
    byte[] remove =
        DocumentEventData.newBuilder().setOldValue(stock("sku-21", 0)).build().toByteArray();
    HttpResponse<byte[]> created =
        binaryEvent(
            "fulfilment-firestore-stock",
            "fs-insert-1",
            WRITTEN,
            FIRESTORE,
            "application/protobuf",
            insert);
    HttpResponse<byte[]> deleted =
        structuredEvent(
            "fulfilment-firestore-stock",
            "{\"specversion\":\"1.0\",\"id\":\"fs-remove-2\",\"type\":\""
                + WRITTEN
                + "\",\"source\":\""
                + FIRESTORE
                + "\",\"subject\":\"documents/stock/sku-21\","
                + "\"datacontenttype\":\"application/protobuf\",\"data_base64\":\""
                + Base64.getEncoder().encodeToString(remove)
                + "\"}");
    assertThat(created.statusCode()).as(output("fulfilment-firestore-stock")).isEqualTo(200);
    assertThat(deleted.statusCode()).as(output("fulfilment-firestore-stock")).isEqualTo(200);
    assertThat(journal("id=fs-insert-1"))
        .containsExactly(
            "STOCK id=fs-insert-1 kind=INSERT keys={id=sku-20} old=-"
                + " new=StockLevel[sku=sku-20, onHand=8]");
    assertThat(journal("id=fs-remove-2"))
        .containsExactly(
            "STOCK id=fs-remove-2 kind=REMOVE keys={id=sku-21}"
                + " old=StockLevel[sku=sku-21, onHand=0] new=-");
  }

  @Test
  void failingFirestoreChangeIsANon2xxAnswer() throws Exception {
    byte[] modify =
        DocumentEventData.newBuilder()
            .setOldValue(stock("sku-22", 1))
            .setValue(stock("sku-22", -3))
            .build()
            .toByteArray();
    HttpResponse<byte[]> r =
        binaryEvent(
            "fulfilment-firestore-stock",
            "fs-modify-3",
            WRITTEN,
            FIRESTORE,
            "application/protobuf",
            modify);
    assertThat(r.statusCode()).isBetween(500, 599);
    assertThat(journal("id=fs-modify-3")).isEmpty();
    assertThat(output("fulfilment-firestore-stock")).contains("negative stock in fs-modify-3");
  }

  @Test
  void directInvocationIsAPostToThePrivateInvokeDeployment() throws Exception {
    assertThat(script.deployment("storefront-invoke").entryPoint())
        .isEqualTo("dev.anyfn.gcp.InvokeEntryPoint");
    HttpResponse<byte[]> r =
        send(
            to("storefront-invoke", "/")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"sku\":\"abc\",\"quantity\":3}")));
    assertThat(r.statusCode()).as(output("storefront-invoke")).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"sku\":\"abc\",\"quantity\":3,\"totalCents\":2250}");
    HttpResponse<byte[]> failed =
        send(
            to("storefront-invoke", "/")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"sku\":\"abc\",\"quantity\":0}")));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(new String(failed.body(), StandardCharsets.UTF_8)).doesNotContain("q-7731");
  }
}
