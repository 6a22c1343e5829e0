package dev.anyfn;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** A message taken from a queue. Immutable and thread-safe. */
public final class QueueMessage extends Event {
  private final String queue;
  private final byte[] body;
  private final Map<String, String> attributes;
  private final int deliveryAttempt;

  private QueueMessage(Builder b) {
    super(b);
    this.queue = Objects.requireNonNull(b.queue, "queue");
    this.body = b.body;
    this.attributes = Map.copyOf(b.attributes);
    this.deliveryAttempt = b.deliveryAttempt;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this message. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.copyFrom(this);
    b.queue = queue;
    b.body = body;
    b.attributes = attributes;
    b.deliveryAttempt = deliveryAttempt;
    return b;
  }

  /** The queue's name. */
  public String queue() {
    return queue;
  }

  /** The body bytes (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** String attributes (SQS message attributes, Pub/Sub attributes, Service Bus properties). */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** 1 on first delivery, then 2, 3, ... on redeliveries. */
  public int deliveryAttempt() {
    return deliveryAttempt;
  }

  @Override
  public String toString() {
    return "QueueMessage[" + id() + " on " + queue + ", attempt " + deliveryAttempt + "]";
  }

  /** Builds a message. */
  public static final class Builder extends Event.Builder<Builder> {
    private String queue;
    private byte[] body = new byte[0];
    private Map<String, String> attributes = Map.of();
    private int deliveryAttempt = 1;

    private Builder() {}

    /** The queue name (required). */
    public Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    /** The body; copied. */
    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    /** A UTF-8 body. */
    public Builder body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The attributes. */
    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    /** The delivery attempt, from 1. */
    public Builder deliveryAttempt(int attempt) {
      if (attempt < 1) {
        throw new IllegalArgumentException("Delivery attempt " + attempt + " is below 1.");
      }
      this.deliveryAttempt = attempt;
      return this;
    }

    /** The message. */
    public QueueMessage build() {
      return new QueueMessage(this);
    }
  }
}
