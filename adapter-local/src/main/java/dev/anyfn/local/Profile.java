package dev.anyfn.local;

/**
 * The limits and defaults of one cloud, so that what works on the emulator works when deployed.
 * Figures come from {@code shared/reference/PROVIDERS.md}.
 */
public enum Profile {
  /** AWS Lambda: 6 MB synchronous payloads, one request per instance, 900 s timeout cap. */
  AWS(6 * 1024 * 1024, 1, 900, 5),
  /**
   * Google Cloud Run functions: 32 MB requests, 80 concurrent requests per instance (configurable),
   * 3600 s HTTP timeout cap, Pub/Sub's 5 delivery attempts.
   */
  GCP(32 * 1024 * 1024, 80, 3600, 5),
  /**
   * Azure Functions: 100 MB requests, several concurrent invocations per worker, 230 s HTTP cap
   * (the load balancer's idle timeout), the storage queue's {@code maxDequeueCount} of 5.
   */
  AZURE(100 * 1024 * 1024, 16, 230, 5);

  private final int maxBodyBytes;
  private final int concurrencyPerInstance;
  private final int maxTimeoutSeconds;
  private final int maxDeliveryAttempts;

  Profile(int maxBodyBytes, int concurrency, int maxTimeoutSeconds, int maxDeliveryAttempts) {
    this.maxBodyBytes = maxBodyBytes;
    this.concurrencyPerInstance = concurrency;
    this.maxTimeoutSeconds = maxTimeoutSeconds;
    this.maxDeliveryAttempts = maxDeliveryAttempts;
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
