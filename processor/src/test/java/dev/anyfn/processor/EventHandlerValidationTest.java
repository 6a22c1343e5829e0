package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Queue, topic, storage, data-change and invoke handlers, and their trigger values. */
class EventHandlerValidationTest {
  private static Compilation handler(String method) {
    return compile(
        """
        @ServerlessFunction("worker")
        public class Worker {
          public record Order(String id) {}

        %s
        }
        """
            .formatted(method));
  }

  @Test
  void rejectsStorageEventOnQueueHandler() {
    handler(
            """
              @OnQueue("orders")
              public void process(StorageEvent event) {}
            """)
        .assertError(
            "@OnQueue handler process takes StorageEvent; expected QueueMessage, a type bound from"
                + " the message body, or List<QueueMessage>.");
  }

  @Test
  void warnsThatAListOfBodiesOnAQueueIsOneMessageNotABatch() {
    Compilation list =
        handler(
            """
              @OnQueue("orders")
              public void process(java.util.List<Order> orders) {}
            """);

    assertThat(list.succeeded()).isTrue();
    assertThat(list.warnings())
        .containsExactly(
            "Queue handler process takes List<Order>: that binds ONE message whose body is a JSON"
                + " array, not a batch of messages. For a batch, take List<QueueMessage> (read each"
                + " body with bodyText() or your JSON library) and return BatchResult naming the"
                + " failed ones; for one message, take Order.");
    Compilation one =
        handler(
            """
              @OnQueue("orders")
              public void process(Order order) {}
            """);
    assertThat(one.warnings()).isEmpty();
  }

  @Test
  void rejectsQueueHandlerWithoutMessage() {
    handler(
            """
              @OnQueue("orders")
              public void process(Context context) {}
            """)
        .assertError(
            "@OnQueue handler process takes no message; expected QueueMessage, a type bound from"
                + " the message body, or List<QueueMessage>.");
  }

  @Test
  void acceptsAQueueHandlerTakingTheMessageAndItsBodyBoundToAType() {
    String index =
        handler(
                """
                  @OnQueue("orders")
                  public void process(QueueMessage message, Order order, Context context) {}
                """)
            .assertIndex();

    assertThat(index.replaceAll("\\s", ""))
        .contains(
            "\"parameters\":[{\"source\":\"EVENT\"",
            "{\"source\":\"EVENT_BODY\"",
            "{\"source\":\"CONTEXT\"");
  }

  @Test
  void rejectsQueueHandlerWithTwoBodies() {
    handler(
            """
              @OnQueue("orders")
              public void process(Order first, QueueMessage message, Order second) {}
            """)
        .assertError(
            "@OnQueue handler process takes more than one message parameter: first, message and"
                + " second; expected one, plus an optional Context (or the QueueMessage and its"
                + " body bound to a type). Remove the others.");
  }

  @Test
  void rejectsQueueHandlerWithTwoMessages() {
    handler(
            """
              @OnQueue("orders")
              public void process(QueueMessage message, QueueMessage again) {}
            """)
        .assertError(
            "@OnQueue handler process takes more than one message parameter: message and again;"
                + " expected one, plus an optional Context (or the QueueMessage and its body bound"
                + " to a type). Remove the others.");
  }

  @Test
  void rejectsPathParamOnQueueHandler() {
    handler(
            """
              @OnQueue("orders")
              public void process(@PathParam("id") String id) {}
            """)
        .assertError(
            "@PathParam on parameter id of process: only @Route handlers bind path, query, form,"
                + " header and cookie values. Remove the annotation.");
  }

  @Test
  void rejectsBatchHandlerReturningVoid() {
    handler(
            """
              @OnQueue("orders")
              public void process(List<QueueMessage> batch) {}
            """)
        .assertError(
            "@OnQueue handler process takes List<QueueMessage> but returns void; expected"
                + " BatchResult naming the failed messages. Return BatchResult.success() when"
                + " every message succeeded.");
  }

  @Test
  void rejectsBatchResultFromSingleMessageHandler() {
    handler(
            """
              @OnQueue("orders")
              public BatchResult process(QueueMessage message) {
                return BatchResult.success();
              }
            """)
        .assertError(
            "@OnQueue handler process returns BatchResult but takes one message; expected void."
                + " Take List<QueueMessage> to report failures per message.");
  }

  @Test
  void rejectsQueueHandlerReturningValue() {
    handler(
            """
              @OnQueue("orders")
              public String process(QueueMessage message) {
                return "";
              }
            """)
        .assertError(
            "@OnQueue handler process returns String; expected void, or BatchResult when it takes"
                + " List<QueueMessage>.");
  }

  @Test
  void rejectsAQueueNameWithSpacesAtItsEnds() {
    handler(
            """
              @OnQueue("orders ")
              public void process(QueueMessage message) {}
            """)
        .assertError(
            "'orders ' on process begins or ends with whitespace, which no queue, topic, bucket or"
                + " table name has; write 'orders'.");
  }

  @Test
  void rejectsEmptyQueueNameAndBatchSizeOutOfRange() {
    handler(
            """
              @OnQueue(value = "", batchSize = 11)
              public void process(QueueMessage message) {}
            """)
        .assertErrors(
            "@OnQueue on process has an empty queue name. Name it, for example"
                + " @OnQueue(\"orders\").",
            "@OnQueue(\"\") on process has batchSize 11; expected 1-10. Use a value from 1 to 10"
                + " (10 is the default).");
  }

  @Test
  void rejectsTopicHandlerTakingQueueMessage() {
    handler(
            """
              @OnTopic("news")
              public void read(QueueMessage message) {}
            """)
        .assertError(
            "@OnTopic handler read takes QueueMessage; expected TopicMessage or a type bound from"
                + " the message body.");
  }

  @Test
  void rejectsTopicHandlerReturningValue() {
    handler(
            """
              @OnTopic("news")
              public String read(TopicMessage message) {
                return "";
              }
            """)
        .assertError("@OnTopic handler read returns String; expected void.");
  }

  @Test
  void rejectsEmptyTopicName() {
    handler(
            """
              @OnTopic(" ")
              public void read(TopicMessage message) {}
            """)
        .assertError(
            "@OnTopic on read has an empty topic name. Name it, for example @OnTopic(\"orders\").");
  }

  @Test
  void rejectsStorageHandlerTakingBody() {
    handler(
            """
              @OnStorage(bucket = "uploads")
              public void resize(Order order) {}
            """)
        .assertError(
            "@OnStorage handler resize takes com.example.Worker.Order; expected StorageEvent.");
  }

  @Test
  void rejectsStorageTriggerWithoutBucketOrEvents() {
    handler(
            """
              @OnStorage(bucket = "", events = {})
              public void resize(StorageEvent event) {}
            """)
        .assertErrors(
            "@OnStorage on resize has an empty bucket name. Name it, for example @OnStorage(bucket"
                + " = \"uploads\").",
            "@OnStorage on resize lists no events; expected CREATED, DELETED or both. Remove events"
                + " = {} to use the default, CREATED.");
  }

  @Test
  void rejectsRawDataChange() {
    handler(
            """
              @SuppressWarnings("rawtypes")
              @OnDataChange("orders")
              public void sync(DataChange change) {}
            """)
        .assertError(
            "@OnDataChange handler sync takes DataChange; expected DataChange<T> with T the record"
                + " or POJO its images are bound to, for example DataChange<Order>.");
  }

  @Test
  void rejectsDataChangeTriggerWithoutTableOrKinds() {
    handler(
            """
              @OnDataChange(value = "", kinds = {})
              public void sync(DataChange<Order> change) {}
            """)
        .assertErrors(
            "@OnDataChange on sync has an empty table name. Name it, for example"
                + " @OnDataChange(\"orders\").",
            "@OnDataChange on sync lists no kinds; expected INSERT, MODIFY, REMOVE or several."
                + " Remove kinds = {} to use the default, all three.");
  }

  @Test
  void rejectsTwoInvokeHandlersInOneFunction() {
    handler(
            """
              @OnInvoke
              public String run(Order order) {
                return "";
              }

              @OnInvoke
              public void again() {}
            """)
        .assertError(
            "Function 'worker' has more than one @OnInvoke handler: run and again. Keep one;"
                + " direct invocation calls a single method.");
  }

  @Test
  void rejectsAQueueReadByTwoHandlersOfOneFunction() {
    handler(
            """
              @OnQueue("orders")
              public void take(Order order) {}

              @OnQueue("orders")
              public void audit(String order) {}
            """)
        .assertError(
            "Function 'worker' reads queue 'orders' in two handlers, take and audit; each message"
                + " reaches a function once. Read it in one handler, or in two functions (each then"
                + " gets a share of the messages).");
  }

  @Test
  void acceptsABucketsCreatedAndDeletedFilesAndTwoSchedulesInHandlersOfTheirOwn() {
    handler(
            """
              @OnStorage(bucket = "docs", events = StorageEvent.Kind.CREATED)
              public void created(StorageEvent e) {}

              @OnStorage(bucket = "docs", events = StorageEvent.Kind.DELETED)
              public void deleted(StorageEvent e) {}

              @OnSchedule(rate = "5m")
              public void often(ScheduleEvent e) {}

              @OnSchedule(cron = "0 3 * * *")
              public void nightly(ScheduleEvent e) {}
            """)
        .assertIndex();
  }

  @Test
  void rejectsInvokeHandlerWithTwoPayloads() {
    handler(
            """
              @OnInvoke
              public void run(Order order, String note) {}
            """)
        .assertError(
            "@OnInvoke handler run takes more than one payload parameter: order and note;"
                + " expected one, plus an optional Context. Remove the others.");
  }

  @Test
  void rejectsInvokeHandlerReturningBytes() {
    handler(
            """
              @OnInvoke
              public byte[] run(Order order) {
                return null;
              }
            """)
        .assertError(
            "@OnInvoke handler run returns byte[]; expected a record or POJO (sent as JSON), String"
                + " or void.");
  }

  @Test
  void rejectsInvokeHandlerTakingHttpRequest() {
    handler(
            """
              @OnInvoke
              public void run(HttpRequest request) {}
            """)
        .assertError(
            "@OnInvoke handler run takes HttpRequest; expected Context and one parameter bound"
                + " from the JSON payload (a record, a POJO, String or byte[]).");
  }

  @Test
  void rejectsPrivateStaticQueueHandlerWithBothMessages() {
    handler(
            """
              @OnQueue("orders")
              private static void process(QueueMessage message) {}
            """)
        .assertErrors(
            "@OnQueue handler process must be public; found private. Make it public so the runtime"
                + " can call it.",
            "@OnQueue handler process must not be static. Make it an instance method; anyfn calls"
                + " it on the function instance.");
  }

  @Test
  void indexesEveryEventTriggerAndParameterSource() {
    String index =
        handler(
                """
                  @OnQueue(value = "orders", batchSize = 5)
                  public void one(QueueMessage message, Context context) {}

                  @OnQueue("bulk")
                  public BatchResult many(List<QueueMessage> batch) {
                    return BatchResult.success();
                  }

                  @OnTopic("typed")
                  public void typed(List<Order> orders) {}

                  @OnTopic("news")
                  public void news(TopicMessage message) {}

                  @OnTopic("orders-created")
                  public void created(Order order) {}

                  @OnStorage(bucket = "uploads", events = {StorageEvent.Kind.DELETED, StorageEvent.Kind.CREATED})
                  public void stored(StorageEvent event) {}

                  @OnDataChange(value = "orders", kinds = DataChange.Kind.REMOVE)
                  public void removed(DataChange<Map<String, Object>> change) {}

                  @OnInvoke
                  public Order invoke(Order order, Context context) {
                    return order;
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                      "trigger": { "kind": "QUEUE", "name": "orders", "batchSize": 5 },
                      "parameters": [
                        { "source": "EVENT", "type": "dev.anyfn.QueueMessage" },
                        { "source": "CONTEXT" }
                      ]
            """)
        .contains(
            """
                      "parameterTypes": ["java.util.List"],
                      "returnType": "dev.anyfn.BatchResult",
                      "returnKind": "BATCH_RESULT",
                      "trigger": { "kind": "QUEUE", "name": "bulk", "batchSize": 10 },
                      "parameters": [
                        { "source": "EVENT_BATCH" }
                      ]
            """)
        .contains(
            """
                        { "source": "EVENT_BODY", "type": "java.util.List", "genericType":\
             "java.util.List<com.example.Worker$Order>" }
            """)
        .contains(
            """
                      "trigger": { "kind": "TOPIC", "name": "news" },
                      "parameters": [
                        { "source": "EVENT", "type": "dev.anyfn.TopicMessage" }
                      ]
            """)
        .contains(
            """
                        { "source": "EVENT_BODY", "type": "com.example.Worker$Order", "genericType":\
             "com.example.Worker$Order" }
            """)
        .contains(
            """
                      "trigger": { "kind": "STORAGE", "bucket": "uploads", "events": ["CREATED", "DELETED"] },
            """)
        .contains(
            """
                      "parameterTypes": ["dev.anyfn.DataChange"],
                      "returnType": "void",
                      "returnKind": "VOID",
                      "trigger": { "kind": "DATA_CHANGE", "table": "orders", "kinds": ["REMOVE"] },
                      "parameters": [
                        { "source": "DATA_CHANGE", "genericType": "java.util.Map<java.lang.String,java.lang.Object>" }
                      ]
            """)
        .contains(
            """
                      "returnKind": "JSON",
                      "trigger": { "kind": "INVOKE" },
                      "parameters": [
                        { "source": "BODY", "type": "com.example.Worker$Order", "genericType":\
             "com.example.Worker$Order" },
                        { "source": "CONTEXT" }
                      ]
            """);
  }
}
