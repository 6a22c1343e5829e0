package dev.anyfn.local;

import static dev.anyfn.local.EventLimits.limit;

import dev.anyfn.HttpRequest;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The limits and defaults of one cloud, so that what works on the emulator works when deployed.
 * Figures come from {@code shared/reference/PROVIDERS.md}; the event size limits are listed in
 * {@code EventLimits}.
 */
public enum Profile {
  /**
   * AWS Lambda: 6 MB synchronous payloads (request and response), one request per instance, 900 s
   * timeout cap of which an HTTP caller waits 30 s (API Gateway's HTTP API); 5 receives of an SQS
   * message and 5 attempts at a stream batch (anyfn's SAM template), 3 attempts at an asynchronous
   * event (Lambda's two retries); a queue's dead letters go to {@code <queue>-poison}.
   */
  AWS(
      6 * 1024 * 1024,
      1,
      900,
      new Attempts(5, 3, 3, 3, 5),
      new Gateway(
          30,
          503,
          "API Gateway stopped waiting after 30 s, an HTTP API's integration timeout, which cannot"
              + " be raised"),
      new ResponseLimit(6 * 1024 * 1024, "synchronous AWS Lambda response", true),
      new EventLimits(
          limit(256 * 1024, "SQS message"),
          limit(256 * 1024, "SNS message"),
          limit(64 * 1024, "S3 event notification"),
          limit(6 * 1024 * 1024, "synchronous Lambda Invoke payload"),
          limit(400 * 1024, "DynamoDB item"))),
  /**
   * Google Cloud Run functions: 32 MB requests and responses, one request per instance (the default
   * of {@code gcloud functions deploy}, which anyfn's deploy script keeps: a concurrency above 1
   * needs a whole vCPU), a timeout cap of 3600 s for HTTP and 540 s for event-driven functions;
   * queue messages retried (anyfn deploys them with {@code --retry} and a dead-letter topic {@code
   * <queue>-poison} after 5 delivery attempts), every other event tried once (Google retries no
   * event function by default).
   */
  GCP(
      32 * 1024 * 1024,
      1,
      3600,
      new Attempts(5, 1, 1, 1, 1),
      new Gateway(3600, 504, "Cloud Run stopped waiting after its 3600 s request timeout"),
      new ResponseLimit(32 * 1024 * 1024, "Cloud Run functions response (not streamed)", false),
      new EventLimits(
          limit(10_000_000, "Pub/Sub message"),
          limit(10_000_000, "Pub/Sub message"),
          limit(512 * 1024, "Eventarc storage event"),
          limit(32 * 1024 * 1024, "HTTP request of a direct invocation"),
          limit(1024 * 1024, "Firestore document"))),
  /**
   * Azure Functions: 100 MB requests (no documented response limit), 100 HTTP invocations at once
   * per instance (the host's {@code maxConcurrentRequests} on the Consumption plan, which anyfn's
   * host.json sets; the Java worker runs them on an unbounded thread pool), 600 s timeout cap
   * (Consumption plan) of which an HTTP caller waits 230 s (the load balancer's idle timeout); the
   * storage queue's {@code maxDequeueCount} of 5 (then {@code <queue>-poison}), Service Bus's
   * {@code MaxDeliveryCount} of 10 for topics, the blob trigger's 5 tries (30 within a day for a
   * storage trigger that takes deletions: an Event Grid subscription), a timer never retried, a
   * Cosmos DB change tried once and retried 5 times ({@code @ExponentialBackoffRetry(maxRetryCount
   * = 5)} of the generated entry: retries per execution).
   */
  AZURE(
      100 * 1024 * 1024,
      100,
      600,
      new Attempts(5, 10, 5, 1, 6),
      new Gateway(
          230,
          502,
          "Azure's load balancer stopped waiting after 230 s, whatever functionTimeout says"),
      ResponseLimit.NONE,
      new EventLimits(
          limit(64 * 1024, "Storage queue message"),
          limit(256 * 1024, "Service Bus topic message"),
          limit(1024 * 1024, "Event Grid storage event"),
          limit(100 * 1024 * 1024, "HTTP request of a direct invocation"),
          limit(2 * 1024 * 1024, "Cosmos DB item")));

  private final int maxBodyBytes;
  private final int concurrencyPerInstance;
  private final int maxTimeoutSeconds;
  private final Attempts attempts;
  private final Gateway gateway;
  private final ResponseLimit responseLimit;
  private final EventLimits eventLimits;

  Profile(
      int maxBodyBytes,
      int concurrency,
      int maxTimeoutSeconds,
      Attempts attempts,
      Gateway gateway,
      ResponseLimit responseLimit,
      EventLimits eventLimits) {
    this.maxBodyBytes = maxBodyBytes;
    this.concurrencyPerInstance = concurrency;
    this.maxTimeoutSeconds = maxTimeoutSeconds;
    this.attempts = attempts;
    this.gateway = gateway;
    this.responseLimit = responseLimit;
    this.eventLimits = eventLimits;
  }

  /** How long the cloud's HTTP front door waits for a function, and what it answers then. */
  Gateway gateway() {
    return gateway;
  }

  /**
   * The HTTP front door in front of a function: it stops waiting after {@code seconds}, answers
   * {@code status}, and the function runs on until its own timeout.
   */
  record Gateway(int seconds, int status, String stopped) {}

  /** The largest HTTP response or direct-invocation answer the cloud carries. */
  ResponseLimit responseLimit() {
    return responseLimit;
  }

  /**
   * Why the cloud's front door could not hand this routed request to the function, or empty: on
   * AWS, an HTTP API event over Lambda's 6 MiB ({@link LambdaEventSize}); elsewhere the body limit
   * checked before the body is read is the only one.
   */
  Optional<String> requestTooLarge(HttpRequest request, String rawPath, String rawQuery) {
    return this == AWS ? LambdaEventSize.exceeded(request, rawPath, rawQuery) : Optional.empty();
  }

  /** The largest queue message, topic message, storage notification and invocation payload. */
  /**
   * The largest message a handler may send to a queue, as each adapter sends it: SQS's limit on
   * AWS; on Google what fits, base64-encoded, in one 10 MiB request of Pub/Sub's REST API, which
   * the Google adapter publishes with (7,864,299 bytes); on Azure 3/4 of a Storage queue message,
   * since the queue output binding base64-encodes what it writes.
   */
  int maxSentMessageBytes() {
    long limit = eventLimits.queue().bytes();
    return switch (this) {
      case AWS -> (int) limit;
      case GCP -> 7_864_299;
      case AZURE -> (int) (limit / 4 * 3);
    };
  }

  /**
   * The largest message a handler may publish to a topic, as each adapter publishes it: SNS's limit
   * on AWS, Pub/Sub's REST request on Google (as for queues), Service Bus's on Azure.
   */
  int maxPublishedMessageBytes() {
    return this == GCP ? maxSentMessageBytes() : (int) eventLimits.topic().bytes();
  }

  /**
   * What sets {@link #maxSentMessageBytes()}, as a refused {@code Context.send} names it: {@code
   * SQS, under the emulator's aws profile}.
   */
  String sentMessageLimitSource() {
    return switch (this) {
          case AWS -> "SQS";
          case GCP -> "Pub/Sub's REST API, base64 in a 10 MiB request";
          case AZURE -> "a 64 KiB Storage queue message, base64-encoded by the output binding";
        }
        + underThisProfile();
  }

  /**
   * What sets {@link #maxPublishedMessageBytes()}, as a refused {@code Context.publish} names it.
   */
  String publishedMessageLimitSource() {
    return switch (this) {
          case AWS -> "SNS";
          case GCP -> "Pub/Sub's REST API, base64 in a 10 MiB request";
          case AZURE -> "Service Bus Standard";
        }
        + underThisProfile();
  }

  private String underThisProfile() {
    return ", under the emulator's " + name().toLowerCase(Locale.ROOT) + " profile";
  }

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

  /**
   * The longest timeout the provider gives any function; a function's own cap may be lower (on
   * Google, 540 s for one with an event trigger).
   */
  public int maxTimeoutSeconds() {
    return maxTimeoutSeconds;
  }

  /**
   * The longest timeout the provider gives {@code function}: the profile's cap, and on Google 540 s
   * for a function with an event trigger, which is deployed event-driven (as packaging for Google
   * checks).
   */
  int maxTimeoutSeconds(FunctionSpec function) {
    return this == GCP && function.takesEvents()
        ? GCP_EVENT_MAX_TIMEOUT_SECONDS
        : maxTimeoutSeconds;
  }

  /** Cloud Run functions' longest timeout of an event-driven deployment (9 minutes). */
  static final int GCP_EVENT_MAX_TIMEOUT_SECONDS = 540;

  /** Whose limit {@link #maxTimeoutSeconds(FunctionSpec)} is, for the start banner. */
  String timeoutLimit(FunctionSpec function) {
    return switch (this) {
      case AWS -> "AWS Lambda's limit";
      case GCP ->
          "Cloud Run functions' limit for "
              + (function.takesEvents() ? "an event-driven deployment" : "an HTTP deployment");
      case AZURE -> "the limit of Azure's Consumption plan";
    };
  }

  /**
   * The events of one trigger that one instance takes at once, within the instance's concurrency.
   * On AWS and Google no limit of its own: an instance takes one request, or one event, at a time.
   * On Azure each trigger's default for one instance of the Consumption plan (one core): 24
   * messages of a Storage queue (the trigger's {@code batchSize} of 16 plus its {@code
   * newBatchThreshold} of 8), the same for the blob trigger, which reads through a Storage queue,
   * 16 of a Service Bus subscription ({@code maxConcurrentCalls}), one timer run and one change
   * feed batch; HTTP requests and direct invocations have the instance's whole concurrency.
   */
  int eventConcurrencyPerInstance(TriggerSpec.Kind kind) {
    if (this != AZURE) {
      return Integer.MAX_VALUE;
    }
    return switch (kind) {
      case QUEUE, STORAGE -> AZURE_QUEUE_MESSAGES_PER_INSTANCE;
      case TOPIC -> 16;
      case SCHEDULE, DATA_CHANGE -> 1;
      case HTTP, INVOKE -> Integer.MAX_VALUE;
    };
  }

  /**
   * Whether overwriting an object also reports the replaced content as deleted: Cloud Storage's
   * {@code deleted} event "includes objects that are overwritten" in a bucket without versioning;
   * S3 and Azure report only the new object.
   */
  boolean overwriteReportsDeletion() {
    return this == GCP;
  }

  /**
   * Whether a queue's handler gets up to its {@code batchSize} messages per call: Lambda's SQS
   * event source does; a Pub/Sub push through Eventarc and an Azure queue trigger call a function
   * once per message.
   */
  boolean queueBatches() {
    return this == AWS;
  }

  /**
   * Whether each schedule runs one occurrence at a time across all instances, an occurrence that
   * comes due meanwhile running once after it: Azure's timer trigger, a singleton (a storage lease)
   * whose next run waits for the last and is then past due (azure-functions-host#556). AWS's and
   * Google's schedulers start each occurrence on time, beside a run still going.
   */
  boolean schedulesRunOneAtATime() {
    return this == AZURE;
  }

  /** Storage queue messages one Azure instance runs at once: batchSize 16 + newBatchThreshold 8. */
  static final int AZURE_QUEUE_MESSAGES_PER_INSTANCE = 24;

  /** Delivery attempts of a queue message before it is dead-lettered. */
  public int maxDeliveryAttempts() {
    return attempts.queue();
  }

  /**
   * Delivery attempts of an event of {@code trigger} before it is dead-lettered: its kind's, except
   * under Azure for a storage trigger that asks for deletions, which Azure serves through an Event
   * Grid subscription ({@link #azureEventGrid}) retrying under Event Grid's default policy of
   * {@value #EVENT_GRID_MAX_DELIVERY_ATTEMPTS} attempts.
   */
  int deliveryAttempts(TriggerSpec trigger) {
    return azureEventGrid(trigger)
        ? EVENT_GRID_MAX_DELIVERY_ATTEMPTS
        : deliveryAttempts(trigger.kind());
  }

  /**
   * Event Grid's default {@code maxDeliveryAttempts} of a subscription (learn.microsoft.com, "Event
   * Grid message delivery and retry": 1-30, default 30).
   */
  static final int EVENT_GRID_MAX_DELIVERY_ATTEMPTS = 30;

  /** Event Grid's default {@code eventTimeToLiveInMinutes}: 1440, a day. */
  static final Duration EVENT_GRID_EVENT_TIME_TO_LIVE = Duration.ofMinutes(1440);

  /**
   * Whether, under this profile, {@code trigger} is an Azure storage trigger served by an Event
   * Grid subscription: one that asks for more than {@code CREATED} (the generated entry binds an
   * {@code @EventGridTrigger} then, and a {@code @BlobTrigger}, which reports only new blobs and
   * gives up after 5 tries, otherwise).
   */
  boolean azureEventGrid(TriggerSpec trigger) {
    return this == AZURE
        && trigger instanceof TriggerSpec.Storage s
        && !s.events().equals(List.of("CREATED"));
  }

  /** Delivery attempts of an event of this kind before it is dead-lettered. */
  int deliveryAttempts(TriggerSpec.Kind kind) {
    return switch (kind) {
      case QUEUE -> attempts.queue();
      case TOPIC -> attempts.topic();
      case STORAGE -> attempts.storage();
      case SCHEDULE -> attempts.schedule();
      case DATA_CHANGE -> attempts.dataChange();
      case HTTP, INVOKE -> 1;
    };
  }

  /**
   * The queue this cloud moves a queue's dead letters to, which a function can read: {@code
   * <queue>-poison} on every cloud ({@link DeadLetterQueues}: Azure's poison queue, and the
   * dead-letter queue and topic anyfn's SAM template and deploy script give AWS and Google), within
   * each cloud's limit on names.
   */
  String deadLetterQueue(String queue) {
    return switch (this) {
      case AWS -> DeadLetterQueues.aws(queue);
      case GCP -> DeadLetterQueues.google(queue);
      case AZURE -> DeadLetterQueues.azureStorage(queue);
    };
  }

  /**
   * Whether a table's changes reach a function in order, one batch at a time, a failing batch
   * retried before the next: a DynamoDB stream shard and a Cosmos DB change feed do (the emulator
   * treats a table as one shard); Eventarc delivers Firestore events each on its own.
   */
  boolean tableChangesInOrder() {
    return this != GCP;
  }

  /** No age limit: the cloud keeps such an event until it is delivered. */
  static final Duration NO_AGE_LIMIT = Duration.ofSeconds(Long.MAX_VALUE);

  /**
   * How long the cloud keeps an event of this kind that is not yet delivered (failing, throttled,
   * or waiting for a disabled function) before it drops it or sets it aside: on AWS an SQS message
   * for the queue's retention (4 days, the default anyfn's SAM template keeps), an asynchronous
   * event (SNS, S3, a schedule) for Lambda's maximum event age of 6 hours, a stream record for the
   * stream's 24 hours; on Google every event for Eventarc's 24 hours; on Azure a Storage queue
   * message for its default time to live of 7 days, and the other triggers without a limit (Service
   * Bus keeps messages, the blob trigger finds the blob, the change feed keeps changes).
   */
  Duration maxEventAge(TriggerSpec.Kind kind) {
    return switch (this) {
      case AWS ->
          switch (kind) {
            case QUEUE -> Duration.ofDays(4);
            case DATA_CHANGE -> Duration.ofHours(24);
            default -> Duration.ofHours(6);
          };
      case GCP -> Duration.ofHours(24);
      case AZURE -> kind == TriggerSpec.Kind.QUEUE ? Duration.ofDays(7) : NO_AGE_LIMIT;
    };
  }

  /**
   * How long the cloud keeps an undelivered event of {@code trigger}: its kind's age, except under
   * Azure for a storage trigger served by Event Grid ({@link #azureEventGrid}), whose events live
   * for Event Grid's default time to live of a day and are then dropped.
   */
  Duration maxEventAge(TriggerSpec trigger) {
    return azureEventGrid(trigger) ? EVENT_GRID_EVENT_TIME_TO_LIVE : maxEventAge(trigger.kind());
  }

  /** Deliveries of each kind of event, by the cloud's defaults and anyfn's descriptors. */
  private record Attempts(int queue, int topic, int storage, int schedule, int dataChange) {}

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
