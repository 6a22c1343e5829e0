package dev.anyfn.local;

import java.util.Locale;

/**
 * An event (queue or topic message, storage notification, direct invocation payload) larger than
 * the provider profile allows. Nothing was accepted: no message was queued, no object stored, no
 * function invoked. The control API answers it as {@code 413} problem+json with the code {@code
 * event_too_large}.
 */
public final class EventTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Profile profile;
  private final long sizeBytes;
  private final long limitBytes;

  EventTooLargeException(Profile profile, String what, String target, long size, long limit) {
    super(
        "The "
            + what
            + " for "
            + target
            + " has "
            + size
            + " bytes; the "
            + profile.name().toLowerCase(Locale.ROOT)
            + " profile accepts at most "
            + limit
            + " bytes. Nothing was accepted. Send less (for example store the payload in a bucket"
            + " and send its key), or choose the profile of the provider you deploy to.");
    this.profile = profile;
    this.sizeBytes = size;
    this.limitBytes = limit;
  }

  /** The profile whose limit was exceeded. */
  public Profile profile() {
    return profile;
  }

  /** The size of the refused event, in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** The profile's limit, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
