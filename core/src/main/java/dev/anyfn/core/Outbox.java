package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.core.index.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context one handler call of a function with {@code @SendsTo} sees: the adapter's context, and
 * the messages the handler sends to queues and publishes to topics, kept until {@link #flush()}
 * after it returned. Thread-safe, so a handler may send from threads of its own while it runs.
 */
final class Outbox extends ForwardingContext {
  /** Where a message goes. */
  private record Target(boolean topic, String name) {
    String describe() {
      return (topic ? "topic '" : "queue '") + name + "'";
    }
  }

  private final List<String> queues;
  private final List<String> topics;
  private final JsonCodec json;
  private final Map<Target, List<String>> pending = new LinkedHashMap<>();

  /** Set when the messages went out: a later send would be lost, so it is refused. */
  private boolean flushed;

  private Outbox(Context context, List<String> queues, List<String> topics, JsonCodec json) {
    super(context);
    this.queues = queues;
    this.topics = topics;
    this.json = json;
  }

  /** {@code context} itself for a function that sends nothing, an outbox around it otherwise. */
  static Context around(Context context, FunctionDefinition definition) {
    FunctionSpec spec = definition.spec();
    return spec.sends()
        ? new Outbox(context, spec.sendsTo(), spec.publishesTo(), definition.json())
        : context;
  }

  /** Sends what {@code context} holds, when it is an outbox. */
  static void flush(Context context) throws SendFailedException {
    if (context instanceof Outbox outbox) {
      outbox.flush();
    }
  }

  @Override
  public void send(String queue, Object message) {
    add(new Target(false, queue), message);
  }

  @Override
  public void publish(String topic, Object message) {
    add(new Target(true, topic), message);
  }

  private void add(Target to, Object message) {
    List<String> declared = to.topic() ? topics : queues;
    if (!declared.contains(to.name())) {
      throw new IllegalArgumentException(
          "Function '"
              + context.functionName()
              + (to.topic() ? "' publishes to " : "' sends to ")
              + to.describe()
              + ", which its @SendsTo does not name; it names "
              + (declared.isEmpty() ? "no " + (to.topic() ? "topic" : "queue") : quoted(declared))
              + ". Add it to @SendsTo("
              + (to.topic() ? "topics" : "queues")
              + " = ...) on the function class.");
    }
    if (message == null) {
      throw new IllegalArgumentException(
          "A message to " + to.describe() + " is null; send a String or an object.");
    }
    if (message instanceof byte[]) {
      throw new IllegalArgumentException(
          "A message to "
              + to.describe()
              + " is a byte[]; queues and topics carry text on every provider. Send a String"
              + " (Base64 for binary data) or an object, which is sent as JSON.");
    }
    String text =
        message instanceof String s ? s : new String(json.write(message), StandardCharsets.UTF_8);
    MessageSender sender = sender();
    long bytes = MessageSender.utf8Bytes(text);
    int limit = to.topic() ? sender.maxTopicMessageBytes() : sender.maxMessageBytes();
    if (bytes > limit) {
      String source =
          (to.topic() ? sender.topicLimitSource() : sender.queueLimitSource())
              .orElseGet(() -> context.provider().name());
      throw new IllegalArgumentException(
          "A message to "
              + to.describe()
              + " has "
              + bytes
              + " bytes; the "
              + (to.topic() ? "topic" : "queue")
              + " takes at most "
              + limit
              + " ("
              + source
              + "). Send a reference to the data (a storage object's name, say) instead.");
    }
    synchronized (pending) {
      if (flushed) {
        throw new IllegalStateException(
            "A message to "
                + to.describe()
                + " was sent after the handler of function '"
                + context.functionName()
                + "' returned, when its messages had gone out; it is not sent. Send before the"
                + " handler returns (wait for threads of your own that send).");
      }
      pending.computeIfAbsent(to, q -> new ArrayList<>()).add(text);
    }
  }

  private static String quoted(List<String> names) {
    return names.stream().map(q -> "'" + q + "'").toList().toString();
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
    Map<Target, List<String>> messages;
    synchronized (pending) {
      messages = new LinkedHashMap<>(pending);
      pending.clear();
      flushed = true;
    }
    for (Map.Entry<Target, List<String>> to : messages.entrySet()) {
      Target target = to.getKey();
      List<String> texts = List.copyOf(to.getValue());
      try {
        if (target.topic()) {
          sender().publish(target.name(), texts);
        } else {
          sender().send(target.name(), texts);
        }
      } catch (Exception e) {
        throw new SendFailedException(target, texts.size(), e);
      }
    }
  }

  /** The provider did not take the messages of a call. */
  static final class SendFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private SendFailedException(Target to, int count, Exception cause) {
      super(
          (to.topic() ? "Publishing " : "Sending ")
              + count
              + (count == 1 ? " message" : " messages")
              + " to "
              + to.describe()
              + " failed: "
              + cause,
          cause);
    }
  }
}
