package dev.anyfn;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes every neutral event carries, modelled on CloudEvents 1.0: {@code id}, {@code
 * source}, {@code type}, {@code time} and {@code subject}. Events are immutable and thread-safe.
 */
public abstract class Event {
  private final String id;
  private final String source;
  private final String type;
  private final Instant time;
  private final String subject;

  Event(Builder<?> b) {
    this.id = Objects.requireNonNull(b.id, "event id");
    this.source = b.source == null ? "" : b.source;
    this.type = b.type == null ? "" : b.type;
    this.time = b.time == null ? Instant.EPOCH : b.time;
    this.subject = b.subject;
  }

  /** The event id, unique per source; redeliveries keep it. */
  public String id() {
    return id;
  }

  /**
   * Where the event happened, for example {@code arn:aws:sqs:...} or {@code
   * //pubsub.googleapis.com/...}.
   */
  public String source() {
    return source;
  }

  /**
   * The provider's event type, for example {@code aws:sqs} or {@code
   * google.cloud.storage.object.v1.finalized}.
   */
  public String type() {
    return type;
  }

  /** When the event happened ({@link Instant#EPOCH} when the provider does not say). */
  public Instant time() {
    return time;
  }

  /** The subject within the source, for example an object key. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /**
   * Common builder steps.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String id;
    private String source;
    private String type;
    private Instant time;
    private String subject;

    Builder() {}

    void copyFrom(Event e) {
      id = e.id;
      source = e.source;
      type = e.type;
      time = e.time;
      subject = e.subject;
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** The event id (required). */
    public B id(String id) {
      this.id = id;
      return self();
    }

    /** The source. */
    public B source(String source) {
      this.source = source;
      return self();
    }

    /** The type. */
    public B type(String type) {
      this.type = type;
      return self();
    }

    /** The time. */
    public B time(Instant time) {
      this.time = time;
      return self();
    }

    /** The subject. */
    public B subject(String subject) {
      this.subject = subject;
      return self();
    }
  }
}
