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
 * Calls the generated entry methods of the {@code sender} fixture (which has {@code @SendsTo} the
 * queues {@code orders} and {@code audit-log}) as the Java worker would, with plain output
 * bindings: what a handler sends becomes the value of its queue's binding, which the host writes
 * after the entry returned.
 */
class GeneratedSendingEntryTest {
  private static Object storage;
  private static Object serviceBus;

  private final AzureMocks.Output<List<String>> orders = new AzureMocks.Output<>();
  private final AzureMocks.Output<List<String>> audit = new AzureMocks.Output<>();
  private final List<String> log = new ArrayList<>();

  @BeforeAll
  static void generate() throws Exception {
    storage = entries(Map.of());
    serviceBus = entries(Map.of("ANYFN_AZURE_QUEUE", "servicebus"));
  }

  private static Object entries(Map<String, String> env) throws Exception {
    GeneratedEntries g = GeneratedEntries.generate(GeneratedEntries.fixtureIndex("sender"), env);
    assertThat(g.errors).isEmpty();
    return g.compile()
        .loadClass("dev.anyfn.generated.azure.SenderAzureFunctions")
        .getConstructor()
        .newInstance();
  }

  private static Object call(Object entries, String method, Object... args) throws Throwable {
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
    return AzureMocks.context("inv-9", log);
  }

  private AzureMocks.Response post(Object entries, String path, String body) throws Throwable {
    return (AzureMocks.Response)
        call(
            entries,
            "http",
            AzureMocks.request(
                "POST",
                "https://app.azurewebsites.net" + path,
                Map.of("content-type", "text/plain; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8)),
            orders,
            audit,
            context());
  }

  @Test
  void aHandlersSendsBecomeTheBindingOfEachQueueItSentTo() throws Throwable {
    AzureMocks.Response r = post(storage, "/send", "tea");

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(orders.getValue()).containsExactly("tea");
    assertThat(audit.getValue()).containsExactly("sent tea");
  }

  @Test
  void aQueueTheHandlerDidNotSendToKeepsItsBindingUnset() throws Throwable {
    assertThat(post(storage, "/send-orders-only", "tea").getStatusCode()).isEqualTo(204);

    assertThat(orders.getValue()).containsExactly("tea");
    assertThat(audit.getValue()).isNull();
  }

  @Test
  void aThrowingHttpHandlerIsA500AndLeavesEveryBindingUnset() throws Throwable {
    AzureMocks.Response r = post(storage, "/send", "fail");

    assertThat(r.getStatusCode()).isEqualTo(500);
    assertThat(r.text()).contains("inv-9");
    assertThat(orders.getValue()).isNull();
    assertThat(audit.getValue()).isNull();
  }

  @Test
  void aQueueMessagesHandlerSendsThroughTheBindingOfItsEntry() throws Throwable {
    call(storage, "queueIncoming", "hello", "msg-1", 1L, orders, audit, context());

    assertThat(orders.getValue()).containsExactly("hello");
    assertThat(audit.getValue()).isNull();
  }

  @Test
  void aFailedQueueMessageThrowsSoTheHostRetriesAndLeavesTheBindingUnset() {
    assertThatThrownBy(
            () -> call(storage, "queueIncoming", "fail", "msg-2", 1L, orders, audit, context()))
        .isInstanceOf(EventFailedException.class)
        .hasMessageContaining("msg-2");

    assertThat(orders.getValue()).isNull();
  }

  @Test
  void theDocumentsOfOneCosmosBatchAppendTheirMessagesToTheSameBinding() throws Throwable {
    call(
        storage,
        "dataStock",
        "[{\"id\":\"a\",\"count\":2},{\"id\":\"b\",\"count\":3}]",
        orders,
        audit,
        context());

    assertThat(orders.getValue())
        .containsExactly("{\"id\":\"a\",\"count\":8}", "{\"id\":\"b\",\"count\":7}");
  }

  @Test
  void aStorageQueueMessageIsAtMostWhatFits64KiBOnceBase64Encoded() throws Throwable {
    String largest = "x".repeat(49_152);

    assertThat(post(storage, "/send-orders-only", largest).getStatusCode()).isEqualTo(204);
    assertThat(orders.getValue()).containsExactly(largest);

    orders.setValue(null);
    assertThat(post(storage, "/send-orders-only", largest + "x").getStatusCode()).isEqualTo(500);
    assertThat(orders.getValue()).isNull();
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("A message to queue 'orders' has 49153 bytes;")
                    .contains("at most 49152"));
  }

  @Test
  void aServiceBusQueueTakesMessagesOfUpTo256KiB() throws Throwable {
    String largest = "x".repeat(262_144);

    assertThat(post(serviceBus, "/send-orders-only", largest).getStatusCode()).isEqualTo(204);
    assertThat(orders.getValue()).containsExactly(largest);

    orders.setValue(null);
    assertThat(post(serviceBus, "/send-orders-only", largest + "x").getStatusCode()).isEqualTo(500);
    assertThat(orders.getValue()).isNull();
  }
}
