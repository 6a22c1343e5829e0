package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.ExecutionContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls the generated entry methods of the {@code publisher} fixture (which has {@code @SendsTo}
 * the queue {@code orders} and the topics {@code order-events} and {@code audit}) as the Java
 * worker would, with plain output bindings: what a handler publishes becomes the value of its
 * topic's binding, which the host writes to the Service Bus topic after the entry returned.
 */
class GeneratedPublishingEntryTest {
  private static Object entries;

  private final AzureMocks.Output<List<String>> orders = new AzureMocks.Output<>();
  private final AzureMocks.Output<List<String>> orderEvents = new AzureMocks.Output<>();
  private final AzureMocks.Output<List<String>> audit = new AzureMocks.Output<>();
  private final List<String> log = new ArrayList<>();

  @BeforeAll
  static void generate() throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(GeneratedEntries.fixtureIndex("publisher"), Map.of());
    assertThat(g.errors).isEmpty();
    entries =
        g.compile()
            .loadClass("dev.anyfn.generated.azure.PublisherAzureFunctions")
            .getConstructor()
            .newInstance();
  }

  private static Object call(String method, Object... args) throws Throwable {
    Method m =
        Arrays.stream(entries.getClass().getMethods())
            .filter(x -> x.getName().equals(method))
            .findFirst()
            .orElseThrow();
    try {
      return m.invoke(entries, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private ExecutionContext context() {
    return AzureMocks.context("inv-7", log);
  }

  private AzureMocks.Response post(String path, String body) throws Throwable {
    return (AzureMocks.Response)
        call(
            "http",
            AzureMocks.request(
                "POST",
                "https://app.azurewebsites.net" + path,
                Map.of("content-type", "text/plain; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8)),
            orders,
            orderEvents,
            audit,
            context());
  }

  @Test
  void aHandlersPublishesBecomeTheBindingOfTheirTopicInOrderBesideItsSends() throws Throwable {
    AzureMocks.Response r = post("/publish", "tea");

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(orderEvents.getValue()).containsExactly("tea", "again tea");
    assertThat(orders.getValue()).containsExactly("tea");
    assertThat(audit.getValue()).isNull();
  }

  @Test
  void aTopicTheHandlerDidNotPublishToKeepsItsBindingUnset() throws Throwable {
    assertThat(post("/audit-only", "tea").getStatusCode()).isEqualTo(204);

    assertThat(audit.getValue()).containsExactly("tea");
    assertThat(orderEvents.getValue()).isNull();
    assertThat(orders.getValue()).isNull();
  }

  @Test
  void aThrowingHttpHandlerIsA500AndLeavesEveryTopicBindingUnset() throws Throwable {
    AzureMocks.Response r = post("/publish", "fail");

    assertThat(r.getStatusCode()).isEqualTo(500);
    assertThat(r.text()).contains("inv-7");
    assertThat(orderEvents.getValue()).isNull();
    assertThat(orders.getValue()).isNull();
  }

  @Test
  void aTopicMessagesHandlerPublishesThroughTheBindingOfItsEntry() throws Throwable {
    call("topicQuotes", "42", "msg-1", 1L, orders, orderEvents, audit, context());

    assertThat(audit.getValue()).containsExactly("quoted 42");
    assertThat(orderEvents.getValue()).isNull();
  }

  @Test
  void aFailedTopicMessageThrowsSoTheHostRetriesAndLeavesTheBindingUnset() {
    assertThatThrownBy(
            () -> call("topicQuotes", "fail", "msg-2", 1L, orders, orderEvents, audit, context()))
        .isInstanceOf(EventFailedException.class)
        .hasMessageContaining("msg-2");

    assertThat(audit.getValue()).isNull();
  }

  @Test
  void theDocumentsOfOneCosmosBatchAppendWhatTheyPublishToTheSameBinding() throws Throwable {
    call(
        "dataStock",
        "[{\"id\":\"a\",\"count\":2},{\"id\":\"b\",\"count\":3}]",
        orders,
        orderEvents,
        audit,
        context());

    assertThat(orderEvents.getValue())
        .containsExactly("{\"id\":\"a\",\"count\":8}", "{\"id\":\"b\",\"count\":7}");
  }

  @Test
  void aTopicMessageIsAtMost256KiBEvenWhenQueuesAreStorageQueues() throws Throwable {
    String largest = "x".repeat(262_144);

    assertThat(post("/audit-only", largest).getStatusCode()).isEqualTo(204);
    assertThat(audit.getValue()).containsExactly(largest);

    audit.setValue(null);
    assertThat(post("/audit-only", largest + "x").getStatusCode()).isEqualTo(500);
    assertThat(audit.getValue()).isNull();
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("A message to topic 'audit' has 262145 bytes;")
                    .contains("at most 262144"));
  }
}
