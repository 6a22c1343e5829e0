package dev.anyfn;

import java.time.Instant;

/** A schedule fired. Immutable and thread-safe. */
public final class ScheduleEvent extends Event {
  private final Instant scheduledTime;

  private ScheduleEvent(Builder b) {
    super(b);
    this.scheduledTime = b.scheduledTime == null ? time() : b.scheduledTime;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The time the run was scheduled for; use it as an idempotency key, since runs may repeat. */
  public Instant scheduledTime() {
    return scheduledTime;
  }

  @Override
  public String toString() {
    return "ScheduleEvent[" + id() + " at " + scheduledTime + "]";
  }

  /** Builds a schedule event. */
  public static final class Builder extends Event.Builder<Builder> {
    private Instant scheduledTime;

    private Builder() {}

    /** The scheduled time (defaults to {@link Event#time()}). */
    public Builder scheduledTime(Instant scheduledTime) {
      this.scheduledTime = scheduledTime;
      return this;
    }

    /** The event. */
    public ScheduleEvent build() {
      return new ScheduleEvent(this);
    }
  }
}
