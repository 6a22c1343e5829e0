package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.ExecutionContext;
import dev.anyfn.DataChange;
import dev.anyfn.QueueMessage;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.azure.fixture.Worker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls the generated event entry methods as the Java worker would. */
class GeneratedEventEntryTest {
  private static Object worker;
  private static Class<?> type;

  @BeforeAll
  static void generate() throws Exception {
    ClassLoader loader =
        GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of()).compile();
    type = loader.loadClass("dev.anyfn.generated.azure.WorkerAzureFunctions");
    worker = type.getConstructor().newInstance();
  }

  @BeforeEach
  void clear() {
    Worker.RECEIVED.clear();
  }

  private static void call(String method, Object... args) throws Throwable {
    Method m =
        Arrays.stream(type.getMethods())
            .filter(x -> x.getName().equals(method))
            .findFirst()
            .orElseThrow();
    try {
      m.invoke(worker, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static ExecutionContext context() {
    return AzureMocks.context("inv-7");
  }

  @Test
  void storageQueueMessageArrivesWithItsIdAndDeliveryAttempt() throws Throwable {
    call("queueOrders", "{\"n\":1}", "msg-1", 2L, context());
    QueueMessage m = (QueueMessage) Worker.RECEIVED.get(0);
    assertThat(m.id()).isEqualTo("msg-1");
    assertThat(m.queue()).isEqualTo("orders");
    assertThat(m.bodyText()).isEqualTo("{\"n\":1}");
    assertThat(m.deliveryAttempt()).isEqualTo(2);
  }

  @Test
  void handlerExceptionOnAQueueMessageThrowsSoTheHostRetries() {
    assertThatThrownBy(() -> call("queueOrders", "fail", "msg-2", 1L, context()))
        .isInstanceOf(EventFailedException.class)
        .hasMessage(
            "Function 'worker' failed on 1 event: msg-2 (handler_error: IllegalStateException:"
                + " cannot process msg-2). The host retries the delivery.");
  }

  @Test
  void topicMessageArrivesAsATopicMessage() throws Throwable {
    call("topicPrices", "42", "sb-1", null, context());
    TopicMessage m = (TopicMessage) Worker.RECEIVED.get(0);
    assertThat(m.topic()).isEqualTo("prices");
    assertThat(m.id()).isEqualTo("sb-1");
    assertThat(m.deliveryAttempt()).isEqualTo(1);
  }

  @Test
  void blobTriggerIsACreatedStorageEvent() throws Throwable {
    call("storageUploads", new byte[] {1, 2, 3}, "dir/a b.txt", context());
    StorageEvent e = (StorageEvent) Worker.RECEIVED.get(0);
    assertThat(e.kind()).isEqualTo(StorageEvent.Kind.CREATED);
    assertThat(e.bucket()).isEqualTo("uploads");
    assertThat(e.key()).isEqualTo("dir/a b.txt");
    assertThat(e.size()).isEqualTo(3);
  }

  @Test
  void eventGridBlobDeletionIsADeletedStorageEvent() throws Throwable {
    String event =
        """
        {"id":"eg-1","topic":"/subscriptions/x/storageAccounts/acc",
         "subject":"/blobServices/default/containers/archive/blobs/2024/report.pdf",
         "eventType":"Microsoft.Storage.BlobDeleted","eventTime":"2024-05-01T10:00:00Z",
         "data":{"contentType":"application/pdf","eTag":"0x1"}}
        """;
    call("storageArchive", event, context());
    StorageEvent e = (StorageEvent) Worker.RECEIVED.get(0);
    assertThat(e.kind()).isEqualTo(StorageEvent.Kind.DELETED);
    assertThat(e.key()).isEqualTo("2024/report.pdf");
    assertThat(e.id()).isEqualTo("eg-1");
    assertThat(e.contentType()).contains("application/pdf");
  }

  @Test
  void eventGridEventOfAnotherContainerIsAcknowledgedWithoutCallingTheHandler() throws Throwable {
    String event =
        """
        {"id":"eg-2","subject":"/blobServices/default/containers/other/blobs/x",
         "eventType":"Microsoft.Storage.BlobCreated","data":{"contentLength":5}}
        """;
    call("storageArchive", event, context());
    assertThat(Worker.RECEIVED).isEmpty();
  }

  @Test
  void malformedEventGridEventThrowsSoItIsRetriedAndDeadLettered() {
    assertThatThrownBy(() -> call("storageArchive", "{not json", context()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The Event Grid event is not JSON: ");
  }

  @Test
  void timerFiringIsAScheduleEvent() throws Throwable {
    call("schedule", "{\"IsPastDue\":false}", context());
    ScheduleEvent e = (ScheduleEvent) Worker.RECEIVED.get(0);
    assertThat(e.id()).isEqualTo("inv-7");
    assertThat(e.scheduledTime().getNano()).isZero();
  }

  @Test
  void eachTimerOfAFunctionWithTwoSchedulesRunsItsOwnHandler() throws Throwable {
    call("schedule2", "{\"IsPastDue\":false}", context());
    call("schedule", "{\"IsPastDue\":false}", context());

    assertThat(Worker.RECEIVED).hasSize(2);
    assertThat(Worker.RECEIVED.get(0)).isEqualTo("hourly");
    assertThat(Worker.RECEIVED.get(1)).isInstanceOf(ScheduleEvent.class);
  }

  @Test
  void cosmosDocumentsAreModifyChangesBoundToTheImageType() throws Throwable {
    call(
        "dataStock",
        "[{\"id\":\"a\",\"count\":2,\"_lsn\":7},{\"id\":\"b\",\"count\":0}]",
        context());
    assertThat(Worker.RECEIVED).hasSize(2);
    @SuppressWarnings("unchecked")
    DataChange<Object> first = (DataChange<Object>) Worker.RECEIVED.get(0);
    assertThat(first.kind()).isEqualTo(DataChange.Kind.MODIFY);
    assertThat(first.keys()).containsEntry("id", "a");
    assertThat(first.newImage()).hasValue((Object) new Worker.Stock("a", 2));
  }

  @Test
  void aCosmosBatchLargerThanARequestBodyIsDeliveredAsItsDocumentsAreWithinCosmosLimits()
      throws Throwable {
    // Cosmos DB items reach 2 MB; four of them are past the 6 MB HTTP body limit together.
    String pad = "x".repeat(1_900_000);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 4; i++) {
      batch.append(i == 0 ? "" : ",");
      batch.append("{\"id\":\"d").append(i).append("\",\"count\":").append(i);
      batch.append(",\"pad\":\"").append(pad).append("\"}");
    }
    call("dataStock", batch.append(']').toString(), context());

    assertThat(Worker.RECEIVED).hasSize(4);
  }

  @Test
  void cosmosBatchThatIsNotAnArrayThrows() {
    assertThatThrownBy(() -> call("dataStock", "{\"id\":\"a\"}", context()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Cosmos DB batch for 'stock' is a JSON object; expected an array of documents.");
  }
}
