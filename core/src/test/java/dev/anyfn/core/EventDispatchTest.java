package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.DataChange;
import dev.anyfn.QueueMessage;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.fixtures.OrdersFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDispatchTest {
  private final TestRuntime rt = new TestRuntime();
  private final FunctionInstance instance = rt.instance("fx-orders");
  private final OrdersFunction target = (OrdersFunction) instance.target();

  private static QueueMessage msg(String queue, String id, String body) {
    return QueueMessage.builder().id(id).queue(queue).body(body).build();
  }

  private BatchOutcome deliver(List<? extends dev.anyfn.Event> events) {
    return instance.handleEvents(events, rt.context("fx-orders"));
  }

  @Test
  void initRunsOnceWithItsContextAndShutdownRuns() {
    assertThat(target.initFunction).isEqualTo("fx-orders");
    instance.retire();
    assertThat(target.shutDown).isTrue();
  }

  @Test
  void eachMessageIsHandledAndOnlyFailuresAreReported() {
    BatchOutcome o =
        deliver(
            List.of(
                msg("orders", "m1", "{\"id\":\"a\",\"quantity\":1}"),
                msg("orders", "m2", "{\"id\":\"b\",\"quantity\":0}"),
                msg("orders", "m3", "{\"id\":\"c\",\"quantity\":-1}"),
                msg("orders", "m4", "not json"),
                msg("orders", "m5", "{\"id\":\"e\",\"quantity\":2}")));
    assertThat(target.seen).containsExactly("order:a", "order:e");
    assertThat(o.failures())
        .extracting(
            BatchOutcome.ItemFailure::eventId,
            BatchOutcome.ItemFailure::permanent,
            BatchOutcome.ItemFailure::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m2", false, "handler_error"),
            org.assertj.core.groups.Tuple.tuple("m3", true, "permanent_failure"),
            org.assertj.core.groups.Tuple.tuple("m4", true, "unbindable"));
  }

  @Test
  void batchHandlerReportsFailedIdsAsIndices() {
    BatchOutcome o =
        deliver(
            List.of(
                msg("bulk", "x1", "good"), msg("bulk", "x2", "bad"), msg("bulk", "x3", "fine")));
    assertThat(o.failures()).extracting(BatchOutcome.ItemFailure::index).containsExactly(1);
    assertThat(target.seen).containsExactly("bulk:good", "bulk:fine");
  }

  @Test
  void aByteArrayQueueBodyIsTheRawMessageAsForHttpAndInvoke() {
    byte[] notJson = {(byte) 0xff, 'a', 0, '{'};
    deliver(List.of(QueueMessage.builder().id("r1").queue("raw").body(notJson).build()));
    assertThat(target.seen).containsExactly("raw:4:\u00ffa\u0000{");
  }

  @Test
  void topicBodyBindsAsText() {
    deliver(List.of(TopicMessage.builder().id("t1").topic("news").body("hello").build()));
    assertThat(target.seen).containsExactly("news:hello");
  }

  @Test
  void dataChangeImagesAreBoundAndUnwantedKindsAcknowledged() {
    DataChange<String> insert =
        DataChange.<String>builder()
            .id("d1")
            .table("rows")
            .kind(DataChange.Kind.INSERT)
            .keys(Map.of("id", "r1"))
            .newImage("{\"id\":\"r1\",\"status\":\"NEW\"}")
            .build();
    DataChange<String> remove =
        DataChange.<String>builder()
            .id("d2")
            .table("rows")
            .kind(DataChange.Kind.REMOVE)
            .keys(Map.of("id", "r1"))
            .oldImage("{\"id\":\"r1\",\"status\":\"NEW\"}")
            .build();
    BatchOutcome o = deliver(List.of(insert, remove));
    assertThat(o.allSucceeded()).isTrue();
    assertThat(target.seen).containsExactly("INSERT:NEW");
  }

  @Test
  void eventWithoutATriggerNamesKindAndTriggers() {
    StorageEvent e = StorageEvent.builder().id("s").bucket("b").key("k").build();
    assertThatThrownBy(() -> deliver(List.of(e)))
        .isInstanceOf(NoMatchingTriggerException.class)
        .hasMessageStartingWith(
            "Function 'fx-orders' has no trigger for STORAGE 'b' events; its triggers are: QUEUE orders, QUEUE bulk, TOPIC news");
  }

  @Test
  void anExplicitTriggerSelectsItsHandler() {
    BatchOutcome o =
        instance.handleEvents(
            new dev.anyfn.core.index.TriggerSpec.Topic("news"),
            List.of(TopicMessage.builder().id("t9").topic("other-name").body("direct").build()),
            rt.context("fx-orders"));
    assertThat(o.allSucceeded()).isTrue();
    assertThat(target.seen).containsExactly("news:direct");
    assertThatThrownBy(
            () ->
                instance.handleEvents(
                    new dev.anyfn.core.index.TriggerSpec.Topic("sports"),
                    List.of(),
                    rt.context("fx-orders")))
        .isInstanceOf(NoMatchingTriggerException.class)
        .hasMessageContaining("has no trigger TOPIC sports");
  }

  @Test
  void directInvocationBindsPayloadAndAnswersJson() {
    InvokeOutcome ok =
        instance.invoke(
            "{\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8), rt.context("fx-orders"));
    assertThat(ok.succeeded()).isTrue();
    assertThat(new String(ok.json(), StandardCharsets.UTF_8)).isEqualTo("5");
    InvokeOutcome bad =
        instance.invoke("{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_8), rt.context("fx-orders"));
    assertThat(bad.error()).hasValue("invalid_payload");
  }

  @Test
  void aJsonNullMessageIsUnbindableNotHandedToTheHandlerAsNull() {
    BatchOutcome o = deliver(List.of(msg("orders", "n1", "null")));

    assertThat(target.seen).isEmpty();
    assertThat(o.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.code()).isEqualTo("unbindable");
              assertThat(f.reason()).isEqualTo("A JSON body is required; found null.");
            });
  }

  @Test
  void anUnbindableEventIsLoggedAsPermanentWithoutPromisingThatItIsNotRetried() {
    deliver(List.of(msg("orders", "u1", "not json")));

    assertThat(rt.logs)
        .filteredOn(l -> l.contains("\"eventId\":\"u1\""))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("\"message\":\"Event cannot be bound; retrying cannot help\"")
                    .contains("\"permanent\":true")
                    .doesNotContain("not retrying"));
  }

  @Test
  void aJsonNullPayloadIsAnInvalidPayloadNotANullArgument() {
    InvokeOutcome o =
        instance.invoke("null".getBytes(StandardCharsets.UTF_8), rt.context("fx-orders"));

    assertThat(o.error()).hasValue("invalid_payload");
    assertThat(o.errorMessage()).isEqualTo("A JSON payload is required; found null.");
  }

  @Test
  void aNullElementOfAListPayloadIsAnInvalidPayloadNamingItsPosition() {
    InvokeOutcome o =
        rt.instance("fx-lines")
            .invoke(
                "[null,{\"sku\":\"a\",\"quantity\":1}]".getBytes(StandardCharsets.UTF_8),
                rt.context("fx-lines"));

    assertThat(o.error()).hasValue("invalid_payload");
    assertThat(o.errorMessage()).isEqualTo("Field '$[0]' is null; expected an object.");
  }

  @Test
  void failedInitIsReportedWithItsCause() {
    assertThatThrownBy(() -> rt.instance("fx-broken-init"))
        .isInstanceOf(InitFailedException.class)
        .hasMessage(
            "Function 'fx-broken-init' failed to initialise: java.lang.IllegalStateException: database unreachable");
  }

  @Test
  void unknownFunctionNamesTheOnesThatExist() {
    assertThatThrownBy(() -> rt.runtime.function("nope"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No function named 'nope'")
        .hasMessageContaining("seed-login");
  }
}
