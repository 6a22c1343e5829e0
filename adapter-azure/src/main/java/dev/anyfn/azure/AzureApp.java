package dev.anyfn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import dev.anyfn.Event;
import dev.anyfn.Provider;
import dev.anyfn.core.BatchOutcome;
import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.MessageSender;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import dev.anyfn.core.index.TriggerSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Every function of one Azure worker process: the core runtime, loaded once, and one warm instance
 * per function, created on its first invocation (the cold start). The Azure Java worker calls entry
 * methods from several threads at once, so the instance is shared as on Cloud Run. Thread-safe.
 */
final class AzureApp {
  /** Length of a W3C traceparent of version 00: {@code vv-<32 hex>-<16 hex>-ff}. */
  private static final int TRACEPARENT_LENGTH = 55;

  /** Lower-case hex digits, by character; a table because every invocation checks 52 of them. */
  private static final boolean[] LOWER_HEX = new boolean['f' + 1];

  static {
    for (char c = '0'; c <= '9'; c++) {
      LOWER_HEX[c] = true;
    }
    for (char c = 'a'; c <= 'f'; c++) {
      LOWER_HEX[c] = true;
    }
  }

  private final FunctionRuntime runtime;
  private final AzureRuntimeOptions options;
  private final Clock clock;
  private final String siteName;
  private final Map<String, Warm> instances = new ConcurrentHashMap<>();
  private final Map<String, String> deploymentIds = new ConcurrentHashMap<>();

  /** An instance, its timeout, and whether its first invocation has begun. */
  private static final class Warm {
    final FunctionInstance instance;
    final Duration timeout;
    private final AtomicBoolean served = new AtomicBoolean();

    Warm(FunctionInstance instance) {
      this.instance = instance;
      this.timeout = Duration.ofSeconds(timeout(instance.definition()));
    }

    boolean firstCall() {
      // a plain read first: after the first call, no write to a shared cache line per invocation
      return !served.get() && served.compareAndSet(false, true);
    }
  }

  AzureApp(FunctionRuntime runtime, AzureRuntimeOptions options, Clock clock) {
    this.runtime = runtime;
    this.options = options;
    this.clock = clock;
    String site = runtime.settings().environment().get("WEBSITE_SITE_NAME");
    this.siteName = site == null || site.isBlank() ? null : site;
  }

  /** Loads the index on {@code loader} with settings read from {@code environment}. */
  static AzureApp load(ClassLoader loader, Map<String, String> environment) {
    RuntimeSettings settings =
        RuntimeSettings.builder().provider(Provider.AZURE).environment(environment).build();
    return new AzureApp(
        FunctionRuntime.load(loader, settings),
        AzureRuntimeOptions.from(environment),
        Clock.systemUTC());
  }

  FunctionRuntime runtime() {
    return runtime;
  }

  AzureRuntimeOptions options() {
    return options;
  }

  Clock clock() {
    return clock;
  }

  /** One invocation's instance and context. */
  record Call(FunctionInstance instance, InvocationContext context) {}

  /**
   * The warm instance of {@code function} and a neutral context for this Azure invocation.
   *
   * @param sender the invocation's queue and topic outputs; null for a function that sends nothing
   */
  Call call(String function, ExecutionContext azure, MessageSender sender) {
    Warm warm = instances.get(function);
    if (warm == null) {
      warm = instances.computeIfAbsent(function, f -> start(f, azure));
    }
    FunctionDefinition definition = warm.instance.definition();
    Logger logger = azure.getLogger();
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(azure.getInvocationId())
            .functionName(definition.name())
            .provider(Provider.AZURE)
            // counted from now, to the millisecond; the Instant is made only if a handler asks
            .timeout(warm.timeout)
            .coldStart(warm.firstCall())
            .traceId(AzureApp::traceId, traceparent(azure)) // parsed only if a handler asks
            .deploymentId(deploymentId(azure))
            .clock(clock)
            .logSink(runtime.settings().logSink())
            .messageSender(sender);
    if (logger != null) {
      // the worker hands the host SEVERE as Error, WARNING as Warning and INFO as Information
      context.leveledLogSink(logger::log);
    }
    return new Call(warm.instance, context.build());
  }

  /**
   * Starts an instance during the invocation {@code azure}: what its {@code @OnInit} logs goes to
   * that invocation's logger with its level, as the invocation's own lines do (the host files
   * stdout lines as Information whatever their level).
   */
  private Warm start(String function, ExecutionContext azure) {
    FunctionDefinition definition = runtime.function(function);
    Logger logger = azure.getLogger();
    StartupContext startup =
        new StartupContext(function, runtime.settings(), logger == null ? null : logger::log);
    return new Warm(definition.newInstance(startup));
  }

  /**
   * Runs {@code work} on the instance of {@code call}, then retires that instance if the work left
   * it unhealthy. When another invocation retired the instance between {@link #call} and the start
   * of the work (its handler threw an {@link Error}), the work runs on the function's current
   * instance, with a new context: a handler never starts on an instance whose {@code @OnShutdown}
   * may have run.
   *
   * @throws RuntimeException what {@code work} throws, or what starting a new instance throws
   */
  <T> T run(
      String function,
      Call call,
      ExecutionContext azure,
      MessageSender sender,
      BiFunction<FunctionInstance, InvocationContext, T> work) {
    Call current = call;
    for (int attempt = 1; ; attempt++) {
      FunctionInstance instance = current.instance();
      try {
        return work.apply(instance, current.context());
      } catch (FunctionInstance.RetiredException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e; // instances retired this fast are a bug, not a race: let the host see it
        }
      } finally {
        retireIfUnhealthy(function, instance);
      }
      current = call(function, azure, sender);
    }
  }

  /** Tries of {@link #run} on instances retired under it before it gives up. */
  private static final int MAX_ATTEMPTS = 3;

  /**
   * Retires an instance that a handler left unhealthy (it threw an Error): the next call starts a
   * new one, and its {@code @OnShutdown} runs once, when its calls still in flight have returned.
   */
  void retireIfUnhealthy(String function, FunctionInstance instance) {
    if (!instance.healthy()) {
      instances.computeIfPresent(function, (k, w) -> w.instance == instance ? null : w);
      instance.retire();
    }
  }

  /**
   * Delivers a batch of events and throws when any failed, so that the host retries the delivery
   * (and, for queues, eventually moves the message to the poison queue).
   *
   * @param trigger the description of the trigger the entry serves ({@code TriggerSpec.describe}),
   *     whose handler takes the events even beside others of its kind
   * @param sender the invocation's queue and topic outputs; null for a function that sends nothing
   * @throws EventFailedException naming each failed event and whether retrying can help
   */
  void deliver(
      String function,
      String trigger,
      List<? extends Event> events,
      ExecutionContext azure,
      MessageSender sender) {
    BatchOutcome outcome =
        run(
            function,
            call(function, azure, sender),
            azure,
            sender,
            (instance, context) -> instance.handleEvents(spec(instance, trigger), events, context));
    if (!outcome.allSucceeded()) {
      throw new EventFailedException(function, outcome.failures());
    }
  }

  /** The trigger an entry names; a build whose entries and index disagree is a startup error. */
  private static TriggerSpec spec(FunctionInstance instance, String trigger) {
    FunctionDefinition function = instance.definition();
    return function
        .trigger(trigger)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "The Azure entry names trigger '"
                        + trigger
                        + "' of function '"
                        + function.name()
                        + "', which its function index does not declare; the entry classes and"
                        + " the index come from different builds. Package again (mvn package)."));
  }

  private static long timeout(FunctionDefinition definition) {
    int seconds = definition.spec().timeoutSeconds();
    return seconds > 0 ? seconds : 300;
  }

  /**
   * The function app and the Azure function name ({@code WEBSITE_SITE_NAME/name}), or just the
   * function name where the app name is not set (outside Azure).
   */
  String deploymentId(ExecutionContext azure) {
    String function = azure.getFunctionName();
    if (function == null || function.isBlank()) {
      return null;
    }
    if (siteName == null) {
      return function;
    }
    String id = deploymentIds.get(function);
    if (id == null) {
      id = siteName + "/" + function;
      // bounded by the app's function names, which the host fixes at startup
      deploymentIds.putIfAbsent(function, id);
    }
    return id;
  }

  /** The invocation's traceparent as the host passed it, or null. */
  private static String traceparent(ExecutionContext azure) {
    TraceContext trace;
    try {
      trace = azure.getTraceContext();
    } catch (RuntimeException e) {
      return null;
    }
    return trace == null ? null : trace.getTraceparent();
  }

  /**
   * The trace id of a traceparent {@code vv-<32 lower-case hex>-<16 lower-case hex>-ff}, or null
   * when it is malformed. Parsed by hand: this runs on every invocation.
   */
  static String traceId(String header) {
    String traceparent = header.strip();
    if (traceparent.length() != TRACEPARENT_LENGTH
        || traceparent.charAt(2) != '-'
        || traceparent.charAt(35) != '-'
        || traceparent.charAt(52) != '-') {
      return null;
    }
    for (int i = 0; i < TRACEPARENT_LENGTH; i++) {
      char c = traceparent.charAt(i);
      if (c >= LOWER_HEX.length || (!LOWER_HEX[c] && i != 2 && i != 35 && i != 52)) {
        return null;
      }
    }
    return traceparent.substring(3, 35);
  }
}
