package dev.anyfn;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A message published to a topic. Immutable and thread-safe. */
public final class TopicMessage extends Event {
  private final String topic;
  private final byte[] body;
  private final Map<String, String> attributes;
  private final String orderingKey;
  private final int deliveryAttempt;

  private TopicMessage(Builder b) {
    super(b);
    this.topic = Objects.requireNonNull(b.topic, "topic");
    this.body = b.body;
    this.attributes = Map.copyOf(b.attributes);
    this.orderingKey = b.orderingKey;
    this.deliveryAttempt = b.deliveryAttempt;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The topic's name. */
  public String topic() {
    return topic;
  }

  /** The body bytes (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** String attributes. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The ordering key (Pub/Sub) or group id, if any. */
  public Optional<String> orderingKey() {
    return Optional.ofNullable(orderingKey);
  }

  /** 1 on first delivery, then 2, 3, ... where the provider counts redeliveries. */
  public int deliveryAttempt() {
    return deliveryAttempt;
  }

  @Override
  public String toString() {
    return "TopicMessage[" + id() + " on " + topic + "]";
  }

  /** Builds a message. */
  public static final class Builder extends Event.Builder<Builder> {
    private String topic;
    private byte[] body = new byte[0];
    private Map<String, String> attributes = Map.of();
    private String orderingKey;
    private int deliveryAttempt = 1;

    private Builder() {}

    /** The topic name (required). */
    public Builder topic(String topic) {
      this.topic = topic;
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

    /** The ordering key. */
    public Builder orderingKey(String orderingKey) {
      this.orderingKey = orderingKey;
      return this;
    }

    /** The delivery attempt, from 1. */
    public Builder deliveryAttempt(int attempt) {
      this.deliveryAttempt = Math.max(1, attempt);
      return this;
    }

    /** The message. */
    public TopicMessage build() {
      return new TopicMessage(this);
    }
  }
}
