package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;

/** The {@link Context} adapters build for each invocation. Immutable and thread-safe. */
public final class InvocationContext implements Context {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  /**
   * The default sink; reads {@code System.out} when it writes (a method reference would capture the
   * stream, and be a new object, on every builder).
   */
  private static final Consumer<String> STANDARD_OUT = line -> System.out.println(line);

  private final String requestId;
  private final String functionName;
  private final Provider provider;

  /**
   * The deadline; when the builder had none, made on first use from {@link #builtAtMillis}: most
   * invocations never ask, and the clock was read (without allocating) when the context was built.
   */
  private Instant deadline;

  private final long builtAtMillis;
  private final long timeoutMillis;
  private final boolean coldStart;

  /**
   * The trace id; when the builder had a function of a header instead ({@link
   * Builder#traceId(Function, String)}), worked out on first use: most invocations never ask.
   */
  private String traceId;

  /** {@link #traceId} before it was worked out: compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String UNRESOLVED = new String("unresolved");

  private final Function<String, String> traceIdOf;
  private final String traceHeader;
  private final String deploymentId;
  private final Clock clock;
  private final Consumer<String> logSink;
  private final BiConsumer<Level, String> leveledLogSink;
  private final String logTrace;
  private final String logSpanId;
  private final MessageSender messageSender;
  private final BooleanSupplier commitGate;

  /** Made on first use: most invocations never log. Immutable, so a racing second make is fine. */
  private Log log;

  private InvocationContext(Builder b) {
    this.requestId = Objects.requireNonNull(b.requestId, "requestId");
    this.functionName = Objects.requireNonNull(b.functionName, "functionName");
    this.provider = b.provider;
    this.clock = b.clock;
    this.deadline = b.deadline;
    this.builtAtMillis = b.deadline == null ? clock.millis() : 0;
    this.timeoutMillis = b.timeoutMillis;
    this.coldStart = b.coldStart;
    this.traceId = b.traceIdOf != null ? UNRESOLVED : b.traceId;
    this.traceIdOf = b.traceIdOf;
    this.traceHeader = b.traceHeader;
    this.deploymentId = b.deploymentId;
    this.logSink = b.logSink;
    this.leveledLogSink = b.leveledLogSink;
    this.logTrace = b.logTrace;
    this.logSpanId = b.logSpanId;
    this.messageSender = b.messageSender;
    this.commitGate = b.commitGate;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public String functionName() {
    return functionName;
  }

  @Override
  public Provider provider() {
    return provider;
  }

  @Override
  public Instant deadline() {
    Instant d = deadline;
    if (d == null) {
      // Immutable and always the same value, so a racing second make is fine.
      d = Instant.ofEpochMilli(builtAtMillis + timeoutMillis);
      deadline = d;
    }
    return d;
  }

  @Override
  public Duration remainingTime() {
    return Duration.between(clock.instant(), deadline());
  }

  @Override
  public boolean coldStart() {
    return coldStart;
  }

  @Override
  public Optional<String> traceId() {
    String id = traceId;
    if (id == UNRESOLVED) {
      // Strings are immutable and safely published: a racing thread parses again, to the same id.
      id = traceHeader == null ? null : traceIdOf.apply(traceHeader);
      traceId = id;
    }
    return Optional.ofNullable(id);
  }

  @Override
  public Optional<String> deploymentId() {
    return Optional.ofNullable(deploymentId);
  }

  @Override
  public Log log() {
    Log l = log;
    if (l == null) {
      BiConsumer<Level, String> sink = leveledLogSink;
      if (sink == null) {
        Consumer<String> lines = logSink;
        sink = (level, line) -> lines.accept(line);
      }
      l = new JsonLineLog(sink, provider, functionName, requestId, logTrace, logSpanId, clock);
      log = l;
    }
    return l;
  }

  /**
   * Refused: the function declares no queue to send to. (The core hands the handlers of a function
   * with {@code @SendsTo} a context that sends.)
   */
  @Override
  public void send(String queue, Object message) {
    throw new IllegalArgumentException(
        "Function '"
            + functionName
            + "' sends to queue '"
            + queue
            + "' but declares no queue to send to. Add @SendsTo(queues = \""
            + queue
            + "\") to the function class.");
  }

  /** Refused: the function declares no topic to publish to. */
  @Override
  public void publish(String topic, Object message) {
    throw new IllegalArgumentException(
        "Function '"
            + functionName
            + "' publishes to topic '"
            + topic
            + "' but declares no topic to publish to. Add @SendsTo(topics = \""
            + topic
            + "\") to the function class.");
  }

  /** How this invocation's messages are sent; empty when the adapter gave none. */
  public Optional<MessageSender> messageSender() {
    return Optional.ofNullable(messageSender);
  }

  /**
   * Whether what the handler did may take effect, asked once it has returned and before its
   * messages are sent and its {@code once} result is stored: false when the invocation has already
   * been answered as timed out (see {@link Builder#commitGate}).
   */
  boolean mayCommit() {
    return commitGate == null || commitGate.getAsBoolean();
  }

  /** Builds a context; not thread-safe. */
  public static final class Builder {
    private String requestId;
    private String functionName;
    private Provider provider = Provider.LOCAL;
    private Instant deadline;
    private long timeoutMillis = DEFAULT_TIMEOUT.toMillis();
    private boolean coldStart;
    private Function<String, String> traceIdOf;
    private String traceHeader;
    private String traceId;
    private String deploymentId;
    private Clock clock = Clock.systemUTC();
    private Consumer<String> logSink = STANDARD_OUT;
    private BiConsumer<Level, String> leveledLogSink;
    private String logTrace;
    private String logSpanId;
    private MessageSender messageSender;
    private BooleanSupplier commitGate;

    private Builder() {}

    /** The request id (required). */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The function name (required). */
    public Builder functionName(String functionName) {
      this.functionName = functionName;
      return this;
    }

    /** The provider. */
    public Builder provider(Provider provider) {
      this.provider = provider;
      return this;
    }

    /**
     * The deadline; by default 15 minutes after {@link #build()} (to the millisecond, by the
     * builder's clock).
     */
    public Builder deadline(Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /**
     * The deadline as a time from {@link #build()} (to the millisecond, by the builder's clock),
     * for adapters that know the function's timeout rather than an instant; an explicit {@link
     * #deadline(Instant)} wins. The {@code Instant} is made only if someone asks for it.
     *
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
      }
      this.timeoutMillis = timeout.toMillis();
      return this;
    }

    /** Whether this invocation is the instance's first. */
    public Builder coldStart(boolean coldStart) {
      this.coldStart = coldStart;
      return this;
    }

    /** The trace id. */
    public Builder traceId(String traceId) {
      this.traceId = traceId;
      this.traceIdOf = null;
      this.traceHeader = null;
      return this;
    }

    /**
     * The trace id as {@code parse} finds it in {@code header} (a W3C traceparent, say; null when
     * there is none), worked out only if a handler asks; {@code parse} returns null for a malformed
     * header.
     */
    public Builder traceId(Function<String, String> parse, String header) {
      this.traceIdOf = Objects.requireNonNull(parse, "parse");
      this.traceHeader = header;
      this.traceId = null;
      return this;
    }

    /** The provider's id of the deployed function (Lambda ARN, ...); none by default. */
    public Builder deploymentId(String deploymentId) {
      this.deploymentId = deploymentId;
      return this;
    }

    /** The clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Where log lines go, without their levels; standard output by default. */
    public Builder logSink(Consumer<String> logSink) {
      this.logSink = Objects.requireNonNull(logSink);
      this.leveledLogSink = null;
      return this;
    }

    /**
     * Where log lines go, each with its level: {@link Level#INFO}, {@link Level#WARNING} or {@link
     * Level#SEVERE} (for a logger that stores the level apart from the line, as Azure's does).
     * Replaces {@link #logSink(Consumer)}.
     */
    public Builder leveledLogSink(BiConsumer<Level, String> logSink) {
      this.leveledLogSink = Objects.requireNonNull(logSink);
      return this;
    }

    /**
     * The trace the log lines are filed under, in Cloud Logging's form {@code
     * projects/<project>/traces/<trace id>}, and the span (16 hex digits), each nullable; written
     * as {@code logging.googleapis.com/trace} and {@code logging.googleapis.com/spanId} when the
     * provider is {@link Provider#GCP}, and ignored on the others. None by default.
     */
    public Builder logTrace(String traceName, String spanId) {
      this.logTrace = traceName;
      this.logSpanId = spanId;
      return this;
    }

    /** How the messages of handlers' {@code send} calls are sent; none by default. */
    public Builder messageSender(MessageSender messageSender) {
      this.messageSender = messageSender;
      return this;
    }

    /**
     * Asked once the handler has returned, before its messages are sent and its {@code
     * Context.once} result is stored: false means the invocation was already answered as timed out
     * (a thread that ignored the interruption and ran on), so nothing it did takes effect: no
     * message goes out, the {@code once} claim is released for the retry, and the answer is a
     * timeout. Asked again for each event of a batch handled one by one. By default every
     * invocation commits.
     */
    public Builder commitGate(BooleanSupplier gate) {
      this.commitGate = gate;
      return this;
    }

    /** The context. */
    public InvocationContext build() {
      return new InvocationContext(this);
    }
  }
}
