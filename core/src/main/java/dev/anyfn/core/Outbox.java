package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The context one handler call of a function with {@code @SendsTo} sees: the adapter's context, and
 * the messages the handler sends, kept until {@link #flush()} after it returned. Thread-safe, so a
 * handler may send from threads of its own while it runs.
 */
final class Outbox implements Context {
  private final Context context;
  private final List<String> declared;
  private final JsonCodec json;
  private final Map<String, List<String>> pending = new LinkedHashMap<>();

  /** Set when the messages went out: a later send would be lost, so it is refused. */
  private boolean flushed;

  private Outbox(Context context, List<String> declared, JsonCodec json) {
    this.context = context;
    this.declared = declared;
    this.json = json;
  }

  /** {@code context} itself for a function that sends nothing, an outbox around it otherwise. */
  static Context around(Context context, FunctionDefinition definition) {
    List<String> declared = definition.spec().sendsTo();
    return declared.isEmpty() ? context : new Outbox(context, declared, definition.json());
  }

  /** Sends what {@code context} holds, when it is an outbox. */
  static void flush(Context context) throws SendFailedException {
    if (context instanceof Outbox outbox) {
      outbox.flush();
    }
  }

  @Override
  public void send(String queue, Object message) {
    if (!declared.contains(queue)) {
      throw new IllegalArgumentException(
          "Function '"
              + context.functionName()
              + "' sends to queue '"
              + queue
              + "', which its @SendsTo does not name; it names "
              + declared.stream().map(q -> "'" + q + "'").toList()
              + ". Add the queue to @SendsTo(queues = ...) on the function class.");
    }
    if (message == null) {
      throw new IllegalArgumentException(
          "A message sent to queue '" + queue + "' is null; send a String or an object.");
    }
    if (message instanceof byte[]) {
      throw new IllegalArgumentException(
          "A message sent to queue '"
              + queue
              + "' is a byte[]; queues carry text on every provider. Send a String (Base64 for"
              + " binary data) or an object, which is sent as JSON.");
    }
    String text =
        message instanceof String s ? s : new String(json.write(message), StandardCharsets.UTF_8);
    MessageSender sender = sender();
    long bytes = MessageSender.utf8Bytes(text);
    if (bytes > sender.maxMessageBytes()) {
      throw new IllegalArgumentException(
          "A message to queue '"
              + queue
              + "' has "
              + bytes
              + " bytes; the queue takes at most "
              + sender.maxMessageBytes()
              + " ("
              + context.provider()
              + "). Send a reference to the data (a storage object's name, say) instead.");
    }
    synchronized (pending) {
      if (flushed) {
        throw new IllegalStateException(
            "A message to queue '"
                + queue
                + "' was sent after the handler of function '"
                + context.functionName()
                + "' returned, when its messages had gone out; it is not sent. Send before the"
                + " handler returns (wait for threads of your own that send).");
      }
      pending.computeIfAbsent(queue, q -> new ArrayList<>()).add(text);
    }
  }

  private MessageSender sender() {
    MessageSender sender =
        context instanceof InvocationContext ic ? ic.messageSender().orElse(null) : null;
    if (sender == null) {
      throw new IllegalStateException(
          "Function '"
              + context.functionName()
              + "' cannot send on "
              + context.provider()
              + ": the adapter gave no message sender. This is a bug of the adapter; please"
              + " report it.");
    }
    return sender;
  }

  private void flush() throws SendFailedException {
    Map<String, List<String>> messages;
    synchronized (pending) {
      messages = new LinkedHashMap<>(pending);
      pending.clear();
      flushed = true;
    }
    for (Map.Entry<String, List<String>> queue : messages.entrySet()) {
      try {
        sender().send(queue.getKey(), List.copyOf(queue.getValue()));
      } catch (Exception e) {
        throw new SendFailedException(queue.getKey(), queue.getValue().size(), e);
      }
    }
  }

  @Override
  public String requestId() {
    return context.requestId();
  }

  @Override
  public String functionName() {
    return context.functionName();
  }

  @Override
  public Provider provider() {
    return context.provider();
  }

  @Override
  public Instant deadline() {
    return context.deadline();
  }

  @Override
  public Duration remainingTime() {
    return context.remainingTime();
  }

  @Override
  public boolean coldStart() {
    return context.coldStart();
  }

  @Override
  public Optional<String> deploymentId() {
    return context.deploymentId();
  }

  @Override
  public Optional<String> traceId() {
    return context.traceId();
  }

  @Override
  public Log log() {
    return context.log();
  }

  /** The provider did not take the messages of a call. */
  static final class SendFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    SendFailedException(String queue, int count, Exception cause) {
      super(
          "Sending "
              + count
              + (count == 1 ? " message" : " messages")
              + " to queue '"
              + queue
              + "' failed: "
              + cause,
          cause);
    }
  }
}
