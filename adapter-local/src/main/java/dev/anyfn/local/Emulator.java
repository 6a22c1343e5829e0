package dev.anyfn.local;

import dev.anyfn.Provider;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InMemoryIdempotencyStore;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.packaging.OpenApiDocuments;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The local emulator: serves every HTTP route of every function on one loopback server, creates
 * instances on demand with cold starts, scales out to each function's {@code maxInstances} and
 * throttles beyond it, retires idle instances, enforces timeouts, and delivers queue, topic,
 * storage, schedule and table events at least once with retries and dead letters.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().port(0).build().start()) {
 *   URI base = emulator.baseUri();
 *   emulator.events().send("orders", "{\"id\":1}");
 *   emulator.events().awaitIdle(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops listening, drains in-flight work for the grace period,
 * requeues what is left and prints a summary.
 */
public final class Emulator implements AutoCloseable {
  private final Builder config;
  private final LogSink log;
  private final ConsoleLog console;
  private final FunctionRuntime runtime;
  private final Map<String, InstancePool> pools;
  private final Workers workers;
  private final EventHub hub;
  private final EventApi events;
  private final QueueSource queues;
  private final TopicSource topics;
  private final ScheduleSource schedules;
  private final HttpFrontDoor frontDoor;
  private final byte[] openApi;
  private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
  private volatile boolean started;
  private volatile boolean closed;

  private Emulator(Builder b) {
    this.config = b;
    this.console = b.logSink == null ? new ConsoleLog(System.out) : null;
    Consumer<String> out = console != null ? console : b.logSink;
    Consumer<String> sink = b.logListener == null ? out : out.andThen(b.logListener);
    this.log = new LogSink(sink);
    RuntimeSettings settings =
        RuntimeSettings.builder()
            .provider(Provider.LOCAL)
            .maxBodyBytes(b.profile.maxBodyBytes())
            .environment(b.environment)
            .logSink(sink)
            .idempotencyStore(idempotency)
            .build();
    this.runtime = FunctionRuntime.load(b.classLoader, settings);
    runtime.checkRoutes(); // at start, not on the first request
    this.workers = new Workers(b.maxLeakedThreads, log);
    this.hub =
        new EventHub(
            b.clock,
            log,
            b.maxAttempts > 0 ? trigger -> b.maxAttempts : b.profile::deliveryAttempts,
            b.profile::eventConcurrencyPerInstance,
            b.retryBackoff,
            b.retryBackoffMax,
            b.maxEventAge != null ? trigger -> b.maxEventAge : b.profile::maxEventAge,
            b.visibilityTimeout);
    workers.onRelease(hub::capacityFreed);
    Map<String, InstancePool> byName = newPools(b, settings);
    this.pools = Map.copyOf(byName);
    List<InstancePool> list = new ArrayList<>(byName.values());
    this.queues = new QueueSource(hub, list, b.profile::deadLetterQueue, b.profile.queueBatches());
    this.topics = new TopicSource(hub, list);
    StorageSource storage = new StorageSource(hub, list, b.profile.overwriteReportsDeletion());
    TableSource tables =
        new TableSource(hub, list, runtime.json(), b.profile.tableChangesInOrder());
    this.schedules =
        new ScheduleSource(hub, list, b.clock, log, b.profile.schedulesRunOneAtATime());
    this.events = new EventApi(this, queues, topics, storage, tables, schedules, hub);
    EmulatorSender sender = new EmulatorSender(events, b.profile);
    list.forEach(pool -> pool.sendThrough(sender));
    this.frontDoor = new HttpFrontDoor(this, b);
    this.openApi = OpenApiDocuments.read(b.classLoader).orElse(null);
  }

  /**
   * One instance pool per function, in the runtime's order: the function's {@code maxInstances},
   * the concurrency set or the profile's, and the function's timeout within the profile's maximum
   * (at least a second).
   */
  private Map<String, InstancePool> newPools(Builder b, RuntimeSettings settings) {
    Map<String, InstancePool> byName = new LinkedHashMap<>();
    int concurrency = b.concurrency > 0 ? b.concurrency : b.profile.concurrencyPerInstance();
    for (FunctionDefinition fn : runtime.functions()) {
      int seconds = Math.min(fn.spec().timeoutSeconds(), b.profile.maxTimeoutSeconds(fn.spec()));
      byName.put(
          fn.name(),
          new InstancePool(
              fn,
              settings,
              fn.spec().maxInstances(),
              concurrency,
              Duration.ofSeconds(Math.max(1, seconds)),
              workers,
              b.clock,
              log));
    }
    return byName;
  }

  /** The records of {@code Context.once}, which every instance shares, as a database would be. */
  InMemoryIdempotencyStore idempotency() {
    return idempotency;
  }

  /**
   * The OpenAPI document of the functions' routes, as compiled (merged, where they come from
   * several jars): empty when no function has a route, or they were compiled without anyfn's
   * processor.
   */
  Optional<byte[]> openApi() {
    return Optional.ofNullable(openApi);
  }

  /** A builder with the defaults: AWS profile, 127.0.0.1:8080, 5 minutes idle time. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening and delivering, and prints the route table and event triggers.
   *
   * @return this emulator
   * @throws IllegalStateException when the port cannot be bound or the emulator was started before
   */
  public synchronized Emulator start() {
    if (started) {
      throw new IllegalStateException("The emulator is already started; build a new one.");
    }
    started = true;
    frontDoor.listen();
    hub.start();
    Duration sweep = config.idleTimeout.dividedBy(4);
    sweep = sweep.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : sweep;
    sweep = sweep.toMillis() < 10 ? Duration.ofMillis(10) : sweep;
    if (config.clock.isManual()) {
      config.clock.onAdvance(
          () -> {
            retireIdle();
            schedules.tick();
          });
    } else {
      workers.every(this::retireIdle, sweep);
      workers.every(schedules::tick, Duration.ofSeconds(1));
    }
    workers.every(frontDoor::sweepConnections, Duration.ofMillis(250));
    StartBanner.print(
        log, baseUri(), runtime, pools, queues, topics, schedules, config, openApi != null);
    return this;
  }

  private void retireIdle() {
    for (InstancePool p : pools.values()) {
      p.retireIdle(config.clock.instant(), config.idleTimeout);
    }
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080}; valid once started. */
  public URI baseUri() {
    return frontDoor.baseUri();
  }

  /** The event API: send, publish, put, fire, invoke, dead letters, {@code awaitIdle}. */
  public EventApi events() {
    return events;
  }

  /** The emulator's clock; advance a manual clock to fire schedules and retire idle instances. */
  public EmulatorClock clock() {
    return config.clock;
  }

  /** The provider profile. */
  public Profile profile() {
    return config.profile;
  }

  /** A snapshot of every function's metrics. */
  public MetricsSnapshot metrics() {
    Map<String, FunctionMetrics> m = new LinkedHashMap<>();
    for (InstancePool p : pools.values()) {
      m.put(p.name(), p.stats().snapshot(p.instances(), p.maxInstances()));
    }
    return new MetricsSnapshot(m, workers.leakedThreads(), Pricing.PRICES_AS_OF, Pricing.NOTE);
  }

  FunctionRuntime runtime() {
    return runtime;
  }

  InstancePool pool(String function) {
    InstancePool p = pools.get(function);
    if (p == null) {
      throw new IllegalArgumentException(
          "No function named '"
              + function
              + "'; the emulator serves "
              + new java.util.TreeSet<>(pools.keySet())
              + ".");
    }
    return p;
  }

  Map<String, InstancePool> pools() {
    return pools;
  }

  LogSink log() {
    return log;
  }

  Workers workers() {
    return workers;
  }

  /** Invocations running now, HTTP and events. */
  int inFlight() {
    int n = 0;
    for (InstancePool p : pools.values()) {
      n += p.inFlight();
    }
    return n;
  }

  /**
   * Stops listening, waits up to the grace period for in-flight requests and deliveries, requeues
   * events still in flight, retires every instance and prints a summary. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    frontDoor.stopAccepting();
    hub.stopAccepting();
    long deadline = System.nanoTime() + config.shutdownGrace.toNanos();
    boolean drained = true;
    try {
      drained = hub.awaitInFlight(deadline);
      for (InstancePool p : pools.values()) {
        drained &= p.awaitDrained(deadline);
      }
      drained &= frontDoor.awaitExchanges(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    int cancelled = inFlight();
    long requeued = hub.requeueInFlight();
    hub.stop();
    frontDoor.stopServer();
    List<CompletableFuture<Void>> shutdownHooks = new ArrayList<>();
    for (InstancePool p : pools.values()) {
      shutdownHooks.add(p.retireAll());
    }
    boolean hooksRan = awaitShutdownHooks(shutdownHooks);
    EventHub.Summary s = hub.summary();
    log.line(
        "anyfn emulator stopped: "
            + (drained ? "all in-flight work drained" : cancelled + " invocation(s) cancelled")
            + "; events delivered "
            + s.delivered()
            + ", requeued "
            + requeued
            + ", dead-lettered "
            + s.deadLettered()
            + ", still queued and discarded (in-memory store) "
            + s.stillQueued()
            + (hooksRan ? "" : "; @OnShutdown methods still running were interrupted"));
    workers.shutdown();
    if (console != null) {
      console.close();
    }
  }

  /**
   * Waits, for up to the shutdown grace, for the {@code @OnShutdown} methods of the instances just
   * retired, before the worker threads running them are stopped; true when they all ended.
   */
  private boolean awaitShutdownHooks(List<CompletableFuture<Void>> hooks) {
    try {
      CompletableFuture.allOf(hooks.toArray(CompletableFuture[]::new))
          .get(config.shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Configures an {@link Emulator}; not thread-safe. */
  public static final class Builder {
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    Profile profile = Profile.AWS;
    String host = "127.0.0.1";
    int port = 8080;
    Duration idleTimeout = Duration.ofMinutes(5);
    Map<String, String> environment = Map.of();
    EmulatorClock clock = EmulatorClock.system();
    Consumer<String> logSink; // null: standard output, written by a ConsoleLog
    Consumer<String> logListener; // null: none
    int concurrency;
    int maxAttempts;
    Duration retryBackoff = Duration.ofSeconds(1);
    Duration retryBackoffMax = Duration.ofMinutes(5);
    Duration maxEventAge;
    Duration visibilityTimeout = Duration.ofSeconds(30);
    Duration shutdownGrace = Duration.ofSeconds(10);
    Duration headerReadTimeout = Duration.ofSeconds(10);
    Duration bodyReadTimeout = Duration.ofSeconds(30);
    Duration connectionIdleTimeout = Duration.ofSeconds(30);
    int maxConnections = 512;
    int maxLeakedThreads = 16;
    Duration gatewayTimeout; // null: the profile's

    private Builder() {}

    /** For tests: the HTTP front door's timeout instead of the profile's (30 s under AWS). */
    Builder gatewayTimeout(Duration timeout) {
      this.gatewayTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * Where the function index and classes are loaded from; the context class loader by default.
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader);
      return this;
    }

    /** The provider profile: body limits, concurrency per instance, timeout cap, attempts. */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile);
      return this;
    }

    /**
     * The address to bind, {@code 127.0.0.1} by default. Any non-loopback address exposes your
     * functions to the network and prints a warning.
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** The port, 8080 by default; 0 picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " is outside 0-65535.");
      }
      this.port = port;
      return this;
    }

    /** How long an instance may stay idle before it is retired (scale to zero); 5 min default. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    /** Environment variables given to instances (see {@code InitContext.environment()}). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The clock; {@link EmulatorClock#manual} lets tests advance time. */
    public Builder clock(EmulatorClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Where log lines go, called on the thread that logs. By default they go to standard output, in
     * order, written by a background thread so that logging never holds up a request.
     */
    public Builder logSink(Consumer<String> logSink) {
      this.logSink = Objects.requireNonNull(logSink);
      return this;
    }

    /**
     * Also gives every log line to {@code listener}, after the {@linkplain #logSink sink} (standard
     * output by default) has it, on the thread that logs: for tests that check what was logged and
     * still show it. The listener must be thread-safe and quick.
     */
    public Builder logListener(Consumer<String> listener) {
      this.logListener = Objects.requireNonNull(listener);
      return this;
    }

    /** Invocations one instance serves at once, overriding the profile (GCP: up to 1000). */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("Concurrency must be at least 1; found " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Delivery attempts before an event of any kind is dead-lettered, overriding the profile's
     * (which follow the cloud: under AWS, 5 for queue messages and stream changes, 3 for topic,
     * storage and schedule events).
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1; found " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** First retry delay and its cap; doubled per attempt with jitter. 1 s and 5 min by default. */
    public Builder retryBackoff(Duration first, Duration max) {
      this.retryBackoff = positive(first, "retry backoff");
      this.retryBackoffMax = positive(max, "maximum retry backoff");
      return this;
    }

    /**
     * Age past which an undelivered event (waiting for a retry, or throttled, or for a disabled
     * function) is dead-lettered as {@code expired}, for every kind of event; by default the
     * profile's age for each kind (see {@link Profile}).
     */
    public Builder maxEventAge(Duration maxEventAge) {
      this.maxEventAge = positive(maxEventAge, "maxEventAge");
      return this;
    }

    /** How long in-flight work may finish at {@link #close()}; 10 s by default, as Cloud Run. */
    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = Objects.requireNonNull(grace);
      return this;
    }

    /** Deadline for a request's headers once its first byte arrived; 10 s by default. */
    public Builder headerReadTimeout(Duration timeout) {
      this.headerReadTimeout = positive(timeout, "headerReadTimeout");
      return this;
    }

    /** Deadline for a request's body; 30 s by default. */
    public Builder bodyReadTimeout(Duration timeout) {
      this.bodyReadTimeout = positive(timeout, "bodyReadTimeout");
      return this;
    }

    /** How long an idle keep-alive connection stays open; 30 s by default. */
    public Builder connectionIdleTimeout(Duration timeout) {
      this.connectionIdleTimeout = positive(timeout, "connectionIdleTimeout");
      return this;
    }

    /** Open connections allowed at once; further connections are closed at once. 512 default. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** The emulator. Loads the function index; does not listen until {@link Emulator#start()}. */
    public Emulator build() {
      // before the first Jetty class: initialising one initialises SLF4J
      JettyLogging.quietWithoutProvider();
      JettyClassPreload.startInBackground();
      return new Emulator(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive; found " + d);
      }
      return d;
    }
  }
}
