package dev.anyfn.local;

import static dev.anyfn.local.EventLimits.limit;

/**
 * The limits and defaults of one cloud, so that what works on the emulator works when deployed.
 * Figures come from {@code shared/reference/PROVIDERS.md}; the event size limits are listed in
 * {@code EventLimits}.
 */
public enum Profile {
  /** AWS Lambda: 6 MB synchronous payloads, one request per instance, 900 s timeout cap. */
  AWS(
      6 * 1024 * 1024,
      1,
      900,
      5,
      new EventLimits(
          limit(256 * 1024, "SQS message"),
          limit(256 * 1024, "SNS message"),
          limit(64 * 1024, "S3 event notification"),
          limit(6 * 1024 * 1024, "synchronous Lambda Invoke payload"),
          limit(400 * 1024, "DynamoDB item"))),
  /**
   * Google Cloud Run functions: 32 MB requests, 80 concurrent requests per instance (configurable),
   * 3600 s HTTP timeout cap, Pub/Sub's 5 delivery attempts.
   */
  GCP(
      32 * 1024 * 1024,
      80,
      3600,
      5,
      new EventLimits(
          limit(10_000_000, "Pub/Sub message"),
          limit(10_000_000, "Pub/Sub message"),
          limit(512 * 1024, "Eventarc storage event"),
          limit(32 * 1024 * 1024, "HTTP request of a direct invocation"),
          limit(1024 * 1024, "Firestore document"))),
  /**
   * Azure Functions: 100 MB requests, several concurrent invocations per worker, 230 s HTTP cap
   * (the load balancer's idle timeout), the storage queue's {@code maxDequeueCount} of 5.
   */
  AZURE(
      100 * 1024 * 1024,
      16,
      230,
      5,
      new EventLimits(
          limit(64 * 1024, "Storage queue message"),
          limit(256 * 1024, "Service Bus topic message"),
          limit(1024 * 1024, "Event Grid storage event"),
          limit(100 * 1024 * 1024, "HTTP request of a direct invocation"),
          limit(2 * 1024 * 1024, "Cosmos DB item")));

  private final int maxBodyBytes;
  private final int concurrencyPerInstance;
  private final int maxTimeoutSeconds;
  private final int maxDeliveryAttempts;
  private final EventLimits eventLimits;

  Profile(
      int maxBodyBytes,
      int concurrency,
      int maxTimeoutSeconds,
      int maxDeliveryAttempts,
      EventLimits eventLimits) {
    this.maxBodyBytes = maxBodyBytes;
    this.concurrencyPerInstance = concurrency;
    this.maxTimeoutSeconds = maxTimeoutSeconds;
    this.maxDeliveryAttempts = maxDeliveryAttempts;
    this.eventLimits = eventLimits;
  }

  /** The largest queue message, topic message, storage notification and invocation payload. */
  EventLimits eventLimits() {
    return eventLimits;
  }

  /** Largest HTTP request body, in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Requests one instance serves at once by default. */
  public int concurrencyPerInstance() {
    return concurrencyPerInstance;
  }

  /** The provider's cap on a function's timeout; longer timeouts are clamped to it. */
  public int maxTimeoutSeconds() {
    return maxTimeoutSeconds;
  }

  /** Delivery attempts of an event before it is dead-lettered. */
  public int maxDeliveryAttempts() {
    return maxDeliveryAttempts;
  }

  /**
   * The profile with this name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the profiles when there is none
   */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.name().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Unknown provider profile '" + name + "'; expected one of aws, gcp, azure.");
  }
}
