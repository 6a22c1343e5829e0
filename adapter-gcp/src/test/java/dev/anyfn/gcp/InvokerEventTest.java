package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.events.cloud.firestore.v1.Value;
import dev.anyfn.gcp.testing.CloudEventRequests;
import dev.anyfn.gcp.testing.GcloudDeploy;
import dev.anyfn.gcp.testing.InvokerJvm;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function {@code gcp-events} under Google's real invoker: one child JVM per event deployment of
 * the generated script (queue, topic, storage, schedule, Firestore), each with exactly the script's
 * entry point and environment, fed CloudEvents in binary and structured mode. The fixture appends
 * one line per delivered event to a shared log file.
 */
class InvokerEventTest {
  private static final String PUBSUB = "google.cloud.pubsub.topic.v1.messagePublished";

  @TempDir static Path dir;
  private static Path eventLog;
  private static ScriptedDeployments script;
  private static final Map<String, InvokerJvm> invokers = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    eventLog = dir.resolve("events.log");
    script =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(), dir, Map.of("EVENT_LOG", eventLog.toString()));
    List<String> names =
        List.of(
            "gcp-events-queue-orders",
            "gcp-events-topic-prices",
            "gcp-events-storage-uploads-finalized",
            "gcp-events-schedule-1",
            "gcp-events-firestore-users");
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    try {
      Map<String, Future<InvokerJvm>> starting = new java.util.LinkedHashMap<>();
      for (String name : names) {
        GcloudDeploy d = script.deploy(name);
        starting.put(
            name, pool.submit(() -> Invokers.start(name, d.entryPoint(), d.environment(), dir)));
      }
      for (Map.Entry<String, Future<InvokerJvm>> e : starting.entrySet()) {
        invokers.put(e.getKey(), e.getValue().get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void stop() {
    invokers.values().forEach(InvokerJvm::close);
  }

  // ---- sending -------------------------------------------------------------------------------

  private HttpResponse<String> binary(
      String deployment, String id, String type, String source, String contentType, byte[] data)
      throws Exception {
    HttpRequest request =
        CloudEventRequests.binary(
            invokers.get(deployment).uri("/"), id, type, source, contentType, data);
    return client.send(request, BodyHandlers.ofString());
  }

  private HttpResponse<String> structured(String deployment, String json) throws Exception {
    HttpRequest request = CloudEventRequests.structured(invokers.get(deployment).uri("/"), json);
    return client.send(request, BodyHandlers.ofString());
  }

  private static String pubsubData(String messageId, String base64Data, String extra) {
    return "{\"message\":{\"data\":\""
        + base64Data
        + "\",\"attributes\":{\"origin\":\"test\",\"kind\":\"demo\"},\"messageId\":\""
        + messageId
        + "\",\"publishTime\":\"2026-11-27T09:59:58.123Z\""
        + extra
        + "},\"subscription\":\"projects/demo/subscriptions/eventarc-sub\"}";
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> logLines(String id) throws Exception {
    if (!Files.exists(eventLog)) {
      return List.of();
    }
    return Files.readAllLines(eventLog).stream()
        .filter(l -> l.contains(" id=" + id + " "))
        .toList();
  }

  private static String output(String deployment) throws Exception {
    return invokers.get(deployment).output();
  }

  // ---- Pub/Sub as a queue
  // ------------------------------------------------------------------------

  @Test
  void binaryModePubSubMessageReachesTheQueueHandler() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-queue-orders",
            "ce-q1",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/orders",
            "application/json",
            utf8(
                "{\"message\":{\"data\":\""
                    + b64("order 17")
                    + "\",\"attributes\":{\"origin\":\"test\"},\"messageId\":\"q-1\","
                    + "\"publishTime\":\"2026-11-27T09:59:58Z\"},\"deliveryAttempt\":3,"
                    + "\"subscription\":\"projects/demo/subscriptions/s\"}"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(logLines("q-1"))
        .containsExactly(
            "QUEUE id=q-1 queue=orders body=order 17 attempt=3 attributes={origin=test}");
  }

  @Test
  void structuredModePubSubMessageReachesTheQueueHandler() throws Exception {
    HttpResponse<String> r =
        structured(
            "gcp-events-queue-orders",
            "{\"specversion\":\"1.0\",\"id\":\"ce-q2\",\"type\":\""
                + PUBSUB
                + "\",\"source\":\"//pubsub.googleapis.com/projects/demo/topics/orders\","
                + "\"datacontenttype\":\"application/json\",\"data\":"
                + pubsubData("q-2", b64("structured order"), "")
                + "}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(logLines("q-2"))
        .containsExactly(
            "QUEUE id=q-2 queue=orders body=structured order attempt=1"
                + " attributes={kind=demo, origin=test}");
  }

  @Test
  void handlerFailureOnAnEventIs500SoThePlatformRetries() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-queue-orders",
            "ce-q3",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/orders",
            "application/json",
            utf8(pubsubData("q-3", b64("fail"), "")));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(output("gcp-events-queue-orders"))
        .contains("failed on event q-3 (IllegalStateException: order failed, try again)");
  }

  @Test
  void permanentFailureOnAQueueIs500SoThatPubSubMovesItToTheDeadLetterTopic() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-queue-orders",
            "ce-q4",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/orders",
            "application/json",
            utf8(pubsubData("q-4", b64("permanent"), "")));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(output("gcp-events-queue-orders"))
        .contains(
            "failed for good on event q-4 (PermanentFailureException: order can never succeed)")
        .contains("moves it to the dead-letter topic orders-poison");
  }

  @Test
  void permanentFailureOnATopicIsReportedAs500AndNotDeliveredAgain() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-topic-prices",
            "ce-t4",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/prices",
            "application/json",
            utf8(pubsubData("t-4", b64("permanent"), "")));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(output("gcp-events-topic-prices"))
        .contains("failed for good on event t-4")
        .contains("this deployment does not retry (Google's default)");
  }

  @Test
  void pubSubDataThatIsNotBase64IsFailedTowardsTheDeadLetterTopicWithoutCallingTheHandler()
      throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-queue-orders",
            "ce-q5",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/orders",
            "application/json",
            utf8(pubsubData("q-5", "not*base64!", "")));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(logLines("q-5")).isEmpty();
    assertThat(output("gcp-events-queue-orders"))
        .contains("Event ce-q5 cannot be read (Pub/Sub event ce-q5 has a message.data that is not")
        .contains("moves it to the dead-letter topic orders-poison");
  }

  @Test
  void anEventsErrorIsALogEntryCloudLoggingFilesAsAnErrorUnderItsTraceparent() throws Exception {
    HttpResponse<String> r =
        structured(
            "gcp-events-queue-orders",
            "{\"specversion\":\"1.0\",\"id\":\"ce-q9\",\"type\":\""
                + PUBSUB
                + "\",\"source\":\"//pubsub.googleapis.com/projects/demo/topics/orders\","
                + "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                + "\"datacontenttype\":\"application/json\",\"data\":"
                + pubsubData("q-9", "not*base64!", "")
                + "}");
    assertThat(r.statusCode()).isEqualTo(500);

    String line =
        output("gcp-events-queue-orders")
            .lines()
            .filter(l -> l.startsWith("{") && l.contains("\"requestId\":\"ce-q9\""))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains("\"severity\":\"ERROR\"")
        .contains(
            "\"logging.googleapis.com/trace\":"
                + "\"projects/demo-project/traces/4bf92f3577b34da6a3ce929d0e0e4736\"")
        .contains("\"logging.googleapis.com/spanId\":\"00f067aa0ba902b7\"")
        .contains("\"stack_trace\":\"dev.anyfn.gcp.MalformedEventException: ");
  }

  @Test
  void structuredEventMissingRequiredAttributesIsRejectedBeforeTheFunction() throws Exception {
    HttpResponse<String> r =
        structured(
            "gcp-events-queue-orders",
            "{\"specversion\":\"1.0\",\"type\":\""
                + PUBSUB
                + "\",\"data\":"
                + pubsubData("q-6", b64("no id, no source"), "")
                + "}");
    // the invoker's CloudEvents reader refuses it; the function is never called
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(logLines("q-6")).isEmpty();
    assertThat(output("gcp-events-queue-orders")).contains("Missing mandatory id attribute");
  }

  @Test
  void binaryRequestWithoutCeHeadersIsRejectedBeforeTheFunction() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(invokers.get("gcp-events-queue-orders").baseUrl() + "/"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(pubsubData("q-7", b64("headerless"), "")))
            .build();
    HttpResponse<String> r = client.send(request, BodyHandlers.ofString());
    // without ce- headers the invoker reads a legacy (1st gen) event, which this body is not
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(logLines("q-7")).isEmpty();
    assertThat(output("gcp-events-queue-orders")).contains("Missing required properties: name");
  }

  @Test
  void eventTypeTheDeploymentsTriggerDoesNotTakeIs500WithAClearMessage() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-queue-orders",
            "ce-q8",
            "google.cloud.storage.object.v1.finalized",
            "//storage.googleapis.com/projects/_/buckets/uploads",
            "application/json",
            utf8("{\"bucket\":\"uploads\",\"name\":\"a.txt\"}"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(output("gcp-events-queue-orders"))
        .contains(
            "Function 'gcp-events' received a google.cloud.storage.object.v1.finalized event, but"
                + " this deployment serves trigger 'QUEUE orders', which takes ["
                + PUBSUB
                + "].");
  }

  // ---- Pub/Sub as a topic and a schedule
  // ---------------------------------------------------------

  @Test
  void pubSubMessageReachesTheTopicHandlerWithOrderingKeyAndPublishTime() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-topic-prices",
            "ce-t1",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/prices",
            "application/json",
            utf8(pubsubData("t-1", b64("{\"sku\":\"A\"}"), ",\"orderingKey\":\"sku-A\"")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(logLines("t-1"))
        .containsExactly(
            "TOPIC id=t-1 topic=prices body={\"sku\":\"A\"} orderingKey=sku-A attempt=1"
                + " attributes={kind=demo, origin=test} time=2026-11-27T09:59:58.123Z");
  }

  @Test
  void schedulerMessageOnTheScheduleTopicBecomesAScheduleEvent() throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-schedule-1",
            "ce-s1",
            PUBSUB,
            "//pubsub.googleapis.com/projects/demo/topics/anyfn-gcp-events-schedule-1",
            "application/json",
            utf8(pubsubData("s-1", b64("{}"), "")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(logLines("s-1"))
        .containsExactly("SCHEDULE id=s-1 scheduled=2026-11-27T09:59:58.123Z");
  }

  // ---- Cloud Storage
  // -----------------------------------------------------------------------------

  @Test
  void storageFinalizedAndDeletedBecomeStorageEvents() throws Exception {
    String source = "//storage.googleapis.com/projects/_/buckets/uploads";
    HttpResponse<String> created =
        binary(
            "gcp-events-storage-uploads-finalized",
            "st-1",
            "google.cloud.storage.object.v1.finalized",
            source,
            "application/json",
            utf8(
                "{\"kind\":\"storage#object\",\"bucket\":\"uploads\",\"name\":\"photos/cat 1.jpg\","
                    + "\"size\":\"1048576\",\"generation\":\"1700000000000000\","
                    + "\"contentType\":\"image/jpeg\",\"etag\":\"CIDs\","
                    + "\"updated\":\"2026-11-27T09:00:00Z\"}"));
    HttpResponse<String> deleted =
        structured(
            "gcp-events-storage-uploads-finalized",
            "{\"specversion\":\"1.0\",\"id\":\"st-2\",\"type\":"
                + "\"google.cloud.storage.object.v1.deleted\",\"source\":\""
                + source
                + "\",\"subject\":\"objects/old.txt\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"bucket\":\"uploads\",\"name\":\"old.txt\",\"size\":\"12\"}}");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(logLines("st-1"))
        .containsExactly(
            "STORAGE id=st-1 kind=CREATED bucket=uploads key=photos/cat 1.jpg size=1048576"
                + " contentType=image/jpeg etag=CIDs");
    assertThat(logLines("st-2"))
        .containsExactly(
            "STORAGE id=st-2 kind=DELETED bucket=uploads key=old.txt size=0 contentType=- etag=-");
  }

  // ---- Firestore
  // ---------------------------------------------------------------------------------

  private static Document user(String id, String name, long age, boolean admin) {
    return Document.newBuilder()
        .setName("projects/demo/databases/(default)/documents/users/" + id)
        .putFields("name", Value.newBuilder().setStringValue(name).build())
        .putFields("age", Value.newBuilder().setIntegerValue(age).build())
        .putFields("admin", Value.newBuilder().setBooleanValue(admin).build())
        .build();
  }

  @Test
  void firestoreProtobufWrittenEventsBecomeDataChangesWithBoundImages() throws Exception {
    String source = "//firestore.googleapis.com/projects/demo/databases/(default)";
    byte[] insert =
        DocumentEventData.newBuilder().setValue(user("u1", "Ada", 36, true)).build().toByteArray();
    byte[] modify =
        DocumentEventData.newBuilder()
            .setOldValue(user("u2", "Alan", 41, false))
            .setValue(user("u2", "Alan", 42, false))
            .build()
            .toByteArray();
    HttpResponse<String> r1 =
        binary(
            "gcp-events-firestore-users",
            "fs-1",
            "google.cloud.firestore.document.v1.written",
            source,
            "application/protobuf",
            insert);
    HttpResponse<String> r2 =
        structured(
            "gcp-events-firestore-users",
            "{\"specversion\":\"1.0\",\"id\":\"fs-2\",\"type\":"
                + "\"google.cloud.firestore.document.v1.written\",\"source\":\""
                + source
                + "\",\"subject\":\"documents/users/u2\",\"datacontenttype\":"
                + "\"application/protobuf\",\"data_base64\":\""
                + Base64.getEncoder().encodeToString(modify)
                + "\"}");
    assertThat(r1.statusCode()).isEqualTo(200);
    assertThat(r2.statusCode()).isEqualTo(200);
    assertThat(logLines("fs-1"))
        .containsExactly(
            "DATA_CHANGE id=fs-1 kind=INSERT table=users keys={id=u1} old=-"
                + " new=User[name=Ada, age=36, admin=true]");
    assertThat(logLines("fs-2"))
        .containsExactly(
            "DATA_CHANGE id=fs-2 kind=MODIFY table=users keys={id=u2}"
                + " old=User[name=Alan, age=41, admin=false] new=User[name=Alan, age=42, admin=false]");
  }

  @Test
  void firestorePayloadThatIsNotProtobufIsReportedAsUnbindableWithoutCallingTheHandler()
      throws Exception {
    HttpResponse<String> r =
        binary(
            "gcp-events-firestore-users",
            "fs-3",
            "google.cloud.firestore.document.v1.written",
            "//firestore.googleapis.com/projects/demo/databases/(default)",
            "application/protobuf",
            new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(logLines("fs-3")).isEmpty();
    assertThat(output("gcp-events-firestore-users"))
        .contains("Firestore event fs-3 does not carry a valid protobuf DocumentEventData")
        .contains("this deployment does not retry");
  }
}
