package dev.anyfn.gcp;

import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.MessageSender;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import dev.anyfn.core.index.FunctionSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The one function a Google deployment serves: loaded from the index and initialised once, when the
 * invoker creates the entry point. Thread-safe exactly when the user's function class is (Google
 * may send several requests to one instance at once).
 */
final class DeployedFunction {
  private final GcpSettings settings;
  private final RuntimeSettings runtimeSettings;
  private final FunctionDefinition definition;
  private final StartupContext startup;
  private volatile FunctionInstance instance;
  private final Duration timeout;
  private final AtomicBoolean cold = new AtomicBoolean(true);
  private final String deploymentId;
  private final MessageSender sender;

  /** The project the log entries' traces are in; null when the settings name none. */
  private final String project;

  private DeployedFunction(GcpSettings settings, ClassLoader loader, GoogleApis apis) {
    this.settings = settings;
    this.runtimeSettings = settings.runtimeSettings();
    this.deploymentId = settings.deploymentId().orElse(null);
    this.project = settings.project().orElse(null);
    FunctionRuntime runtime = FunctionRuntime.load(loader, runtimeSettings);
    this.definition = runtime.function(settings.functionName());
    this.timeout = Duration.ofSeconds(Math.max(1, definition.spec().timeoutSeconds()));
    this.startup = new StartupContext(definition.name(), runtimeSettings);
    FunctionSpec spec = definition.spec();
    // checked before @OnInit runs; the sender makes its HTTP client on the first send
    this.sender =
        spec.sends()
            ? PubSubSender.forDeployment(settings, spec.sendsTo(), spec.publishesTo(), apis)
            : null;
    this.instance = definition.newInstance(startup);
  }

  /**
   * Loads and initialises the function named by the settings.
   *
   * @throws dev.anyfn.core.ConfigurationException when the index has no such function, or it has
   *     {@code @SendsTo} and the settings name no project ({@link GcpSettings#project()})
   * @throws dev.anyfn.core.InitFailedException when its constructor or {@code @OnInit} fails
   */
  static DeployedFunction load(GcpSettings settings, ClassLoader loader) {
    return load(settings, loader, GoogleApis.from(settings.environment()));
  }

  /**
   * As {@link #load(GcpSettings, ClassLoader)}, sending through {@code apis}.
   *
   * @throws dev.anyfn.core.ConfigurationException as {@link #load(GcpSettings, ClassLoader)}
   * @throws dev.anyfn.core.InitFailedException as {@link #load(GcpSettings, ClassLoader)}
   */
  static DeployedFunction load(GcpSettings settings, ClassLoader loader, GoogleApis apis) {
    return new DeployedFunction(settings, loader, apis);
  }

  GcpSettings settings() {
    return settings;
  }

  FunctionDefinition definition() {
    return definition;
  }

  /**
   * The instance to call. Google cannot be told to retire a process, so an instance whose handler
   * threw an {@link Error} is replaced here by a freshly initialised one.
   *
   * @throws dev.anyfn.core.InitFailedException when the replacement fails to initialise (the next
   *     call tries again)
   */
  FunctionInstance instance() {
    FunctionInstance current = instance;
    if (current.healthy()) {
      return current;
    }
    synchronized (this) {
      if (instance.healthy()) {
        return instance;
      }
      FunctionInstance old = instance;
      instance = definition.newInstance(startup);
      old.retire(); // its @OnShutdown runs once the calls still in flight on it have returned
      return instance;
    }
  }

  /**
   * Runs {@code work} on the instance to call. When another request retired that instance between
   * taking it and the start of the work (it replaced it after a handler threw an {@link Error}),
   * the work runs on the replacement: a handler never starts on an instance whose
   * {@code @OnShutdown} may have run.
   *
   * @throws dev.anyfn.core.InitFailedException as {@link #instance()}
   */
  <T> T run(Function<FunctionInstance, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.apply(instance());
      } catch (FunctionInstance.RetiredException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e; // instances retired this fast are a bug, not a race: let it be seen
        }
      }
    }
  }

  /** Tries of {@link #run} on instances retired under it before it gives up. */
  private static final int MAX_ATTEMPTS = 3;

  /**
   * A context for one invocation; the first one made is the cold start. Its trace id is {@code
   * trace}'s, and its log entries are filed under {@code trace} when the settings name the project
   * ({@link GcpSettings#project()}).
   */
  InvocationContext context(Optional<String> requestId, Optional<GoogleTrace> trace) {
    // Google answers 504 at the timeout but leaves the handler's thread running: what it does
    // after that must not take effect (no messages sent, no once result stored).
    long deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
    return InvocationContext.builder()
        .requestId(
            requestId.isPresent() && !requestId.get().isBlank() ? requestId.get() : newRequestId())
        .functionName(definition.name())
        .provider(runtimeSettings.provider())
        .timeout(timeout)
        // a plain read first: after the first call, no write to a shared cache line per invocation
        .coldStart(cold.get() && cold.getAndSet(false))
        .traceId(trace.isEmpty() ? null : trace.get().traceId())
        .deploymentId(deploymentId)
        .logSink(runtimeSettings.logSink())
        .logTrace(
            project == null || trace.isEmpty() ? null : trace.get().name(project),
            trace.isEmpty() ? null : trace.get().spanId())
        .messageSender(sender)
        .commitGate(() -> System.currentTimeMillis() < deadlineMillis)
        .build();
  }

  /**
   * A random request id, for requests without Google's execution id. Not {@code UUID.randomUUID()}:
   * its shared {@code SecureRandom} loads and seeds the JDK's security providers on the first
   * request (about 95 JDK classes on the cold start path) and serialises every later one on {@code
   * /dev/urandom}; request ids need to be unique, not unguessable.
   */
  private static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
