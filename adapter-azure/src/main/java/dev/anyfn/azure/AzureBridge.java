package dev.anyfn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.anyfn.HttpResponse;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.InitFailedException;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.core.Problems;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * <b>Adapter-internal; not for user code.</b> What the generated {@code
 * dev.anyfn.generated.azure.*AzureFunctions} entry classes call: each static method translates one
 * Azure invocation into the neutral model, hands it to the anyfn core, and translates the answer
 * back. Its methods may change in any release together with the generator.
 *
 * <p>The functions are loaded once per worker process, on the first invocation, from the function
 * index on this class's class loader, with settings read from the function app's environment. HTTP
 * entries never throw: failures become RFC 9457 problem responses. Event entries throw when a
 * handler failed so that the host retries; each names the trigger it serves (its {@code
 * TriggerSpec.describe}), whose handler takes the events even beside others of that kind in the
 * function. The entries of a function with {@code @SendsTo} pass the invocation's {@link
 * QueueOutputs}, through which the core sends what the handlers gave {@code Context.send} and
 * {@code Context.publish}; the others pass {@code null}. Thread-safe.
 */
public final class AzureBridge {
  private static volatile AzureBridge shared;

  private final AzureApp app;
  private final AzureHttpTranslator http;

  AzureBridge(AzureApp app) {
    this.app = app;
    this.http = new AzureHttpTranslator(app.options());
  }

  private static AzureBridge shared() {
    AzureBridge b = shared;
    if (b == null) {
      synchronized (AzureBridge.class) {
        b = shared;
        if (b == null) {
          b = new AzureBridge(AzureApp.load(AzureBridge.class.getClassLoader(), System.getenv()));
          shared = b;
        }
      }
    }
    return b;
  }

  /**
   * Answers an HTTP request of the catch-all route of {@code function}.
   *
   * @param function the anyfn function name
   * @param routePrefix the literal route before {@code {*path}}, empty for the root
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @return the response; never null, never throws for a caller's or handler's fault
   */
  public static HttpResponseMessage http(
      String function,
      String routePrefix,
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      QueueOutputs outputs) {
    return shared().handleHttp(function, routePrefix, request, context, outputs);
  }

  /**
   * Answers a direct invocation: the body is the JSON payload, the answer the JSON result.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   */
  public static HttpResponseMessage invoke(
      String function,
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      QueueOutputs outputs) {
    return shared().handleInvoke(function, request, context, outputs);
  }

  /**
   * Delivers a Storage queue message.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the handler failed, so the host retries
   */
  public static void storageQueue(
      String function,
      String trigger,
      String queue,
      String message,
      String id,
      Long dequeueCount,
      ExecutionContext context,
      QueueOutputs outputs) {
    shared()
        .app
        .deliver(
            function,
            trigger,
            List.of(
                StorageQueueTranslator.message(
                    queue, message, id, dequeueCount, context.getInvocationId())),
            context,
            outputs);
  }

  /**
   * Delivers a Service Bus queue message.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the handler failed, so the host retries
   */
  public static void serviceBusQueue(
      String function,
      String trigger,
      String queue,
      String message,
      String messageId,
      Long deliveryCount,
      ExecutionContext context,
      QueueOutputs outputs) {
    shared()
        .app
        .deliver(
            function,
            trigger,
            List.of(
                ServiceBusTranslator.queueMessage(
                    queue, message, messageId, deliveryCount, context.getInvocationId())),
            context,
            outputs);
  }

  /**
   * Delivers a Service Bus topic message.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the handler failed, so the host retries
   */
  public static void serviceBusTopic(
      String function,
      String trigger,
      String topic,
      String message,
      String messageId,
      Long deliveryCount,
      ExecutionContext context,
      QueueOutputs outputs) {
    shared()
        .app
        .deliver(
            function,
            trigger,
            List.of(
                ServiceBusTranslator.topicMessage(
                    topic, message, messageId, deliveryCount, context.getInvocationId())),
            context,
            outputs);
  }

  /**
   * Delivers a blob trigger's firing as a created object.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the handler failed, so the host retries
   */
  public static void blobCreated(
      String function,
      String trigger,
      String bucket,
      byte[] content,
      String name,
      ExecutionContext context,
      QueueOutputs outputs) {
    AzureBridge b = shared();
    b.app.deliver(
        function,
        trigger,
        List.of(
            BlobTriggerTranslator.created(
                bucket, name, content, context.getInvocationId(), b.app.clock().instant())),
        context,
        outputs);
  }

  /**
   * Delivers an Event Grid blob event; events of other types or containers are acknowledged.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the event is malformed or the handler failed, so Event Grid
   *     retries and eventually dead-letters it
   */
  public static void eventGridBlob(
      String function,
      String trigger,
      String bucket,
      String event,
      ExecutionContext context,
      QueueOutputs outputs) {
    shared().handleEventGrid(function, trigger, bucket, event, context, outputs);
  }

  /**
   * Delivers a timer firing.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the handler failed (the next firing runs as scheduled)
   */
  public static void timer(
      String function,
      String trigger,
      String timer,
      ExecutionContext context,
      QueueOutputs outputs) {
    AzureBridge b = shared();
    b.app.deliver(
        function,
        trigger,
        List.of(
            TimerTranslator.event(function, context.getInvocationId(), b.app.clock().instant())),
        context,
        outputs);
  }

  /**
   * Delivers a Cosmos DB change-feed batch, document by document. The messages of every document's
   * handler call go to the same bindings, which the host writes only when the whole batch
   * succeeded.
   *
   * @param outputs the invocation's queue and topic output bindings, for a function with
   *     {@code @SendsTo}; null for one that sends nothing
   * @throws RuntimeException when the batch is malformed or any document failed: the whole batch is
   *     retried under the entry's retry policy
   */
  public static void cosmosDocuments(
      String function,
      String trigger,
      String table,
      String documents,
      ExecutionContext context,
      QueueOutputs outputs) {
    AzureBridge b = shared();
    b.app.deliver(
        function,
        trigger,
        CosmosChangeTranslator.changes(table, documents, b.app.runtime().json()),
        context,
        outputs);
  }

  HttpResponseMessage handleHttp(
      String function,
      String routePrefix,
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      QueueOutputs outputs) {
    AzureApp.Call call;
    try {
      call = app.call(function, context, outputs);
    } catch (RuntimeException e) {
      return startFailed(function, request, context, e);
    }
    String requestId = call.context().requestId();
    AzureHttpTranslator.Translated t = http.request(request, routePrefix, requestId);
    HttpResponse response;
    if (t.problem() != null) {
      response = t.problem();
    } else {
      try {
        response =
            app.run(
                function,
                call,
                context,
                outputs,
                (instance, c) -> instance.handleHttp(t.request(), c));
      } catch (InitFailedException e) {
        return startFailed(function, request, context, e);
      }
    }
    return http.response(request, response, context.getLogger(), requestId);
  }

  HttpResponseMessage handleInvoke(
      String function,
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      QueueOutputs outputs) {
    AzureApp.Call call;
    try {
      call = app.call(function, context, outputs);
    } catch (RuntimeException e) {
      return startFailed(function, request, context, e);
    }
    String requestId = call.context().requestId();
    Optional<byte[]> body = request.getBody();
    byte[] payload = body == null ? new byte[0] : body.orElse(new byte[0]);
    InvokeOutcome outcome;
    try {
      outcome =
          app.run(function, call, context, outputs, (instance, c) -> instance.invoke(payload, c));
    } catch (InitFailedException e) {
      return startFailed(function, request, context, e);
    }
    return http.response(request, outcome.httpResponse(requestId), context.getLogger(), requestId);
  }

  void handleEventGrid(
      String function,
      String trigger,
      String bucket,
      String event,
      ExecutionContext context,
      QueueOutputs outputs) {
    Optional<StorageEvent> e = EventGridBlobTranslator.event(bucket, event, app.runtime().json());
    if (e.isEmpty()) {
      Logger logger = context.getLogger();
      if (logger != null) {
        logger.info(
            "Event Grid event is not a blob event of container '" + bucket + "'; acknowledged.");
      }
      return;
    }
    app.deliver(function, trigger, List.of(e.get()), context, outputs);
  }

  private HttpResponseMessage startFailed(
      String function,
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      RuntimeException e) {
    Logger logger = context.getLogger();
    if (logger != null) {
      logger.log(
          Level.SEVERE,
          "Function '" + function + "' could not start for request " + context.getInvocationId(),
          e);
    }
    String requestId = context.getInvocationId();
    return http.response(request, Problems.internalError(requestId), logger, requestId);
  }
}
