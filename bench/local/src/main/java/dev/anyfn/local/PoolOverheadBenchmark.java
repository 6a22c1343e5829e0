package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.Provider;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.RouteMatch;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emulator's cost per request on a warm instance: one {@code GET /hello} through the {@link
 * InstancePool} (lease, invocation context, deadline, stats, REPORT line, release; on the calling
 * thread, as the HTTP server runs it, or handed to a worker thread, as events run) against {@link
 * FunctionInstance#handleHttp} called directly on the same request and route match with a context
 * built once. The pool is driven as {@code FunctionGateway.serve} drives it ({@code tryAcquire},
 * then {@code invokeHere} with the same call), without Jetty: no socket or HTTP parsing is measured
 * on either side. The pool's instance is initialised in setup, so every measured call is warm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PoolOverheadBenchmark {
  private static final String FUNCTION = "hello";

  private HttpRequest request;
  private RouteMatch match;
  private FunctionInstance instance;
  private InvocationContext context;
  private Workers workers;
  private InstancePool pool;
  private Workers consoleWorkers;
  private ConsoleLog console;
  private InstancePool consolePool;

  @Setup
  public void setUp() {
    Consumer<String> discard = line -> {};
    RuntimeSettings settings =
        RuntimeSettings.builder().provider(Provider.LOCAL).logSink(discard).build();
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader(), settings);
    FunctionDefinition function = runtime.function(FUNCTION);
    request = HttpRequest.builder().method("GET").rawPath("/hello").build();
    match = runtime.route(request);
    if (match.function().isEmpty()) {
      throw new IllegalStateException(
          "GET /hello matched no function; expected '"
              + FUNCTION
              + "' from META-INF/anyfn/functions.json. Rebuild bench/local so that the anyfn"
              + " processor indexes dev.anyfn.local.bench.HelloFunction.");
    }
    instance = function.newInstance(new StartupContext(FUNCTION, settings));
    EmulatorClock clock = EmulatorClock.system();
    context =
        InvocationContext.builder()
            .requestId("r")
            .functionName(FUNCTION)
            .deadline(clock.instant().plus(Duration.ofMinutes(10)))
            .coldStart(false)
            .clock(clock)
            .logSink(discard)
            .build();

    LogSink quiet = new LogSink(discard);
    workers = new Workers(16, quiet);
    pool = warmPool(function, settings, workers, clock, quiet);

    // As the emulator runs by default: lines go to a ConsoleLog, written by its own thread.
    console = new ConsoleLog(new PrintStream(OutputStream.nullOutputStream()));
    LogSink toConsole = new LogSink(console);
    consoleWorkers = new Workers(16, toConsole);
    consolePool = warmPool(function, settings, consoleWorkers, clock, toConsole);

    String direct = body(directCall());
    String pooled = body(throughPool());
    if (!direct.equals("hello") || !pooled.equals(direct)) {
      throw new IllegalStateException(
          "The two sides answer differently: direct '"
              + direct
              + "', through the pool '"
              + pooled
              + "'; expected 'hello' from both.");
    }
  }

  /**
   * A pool of one instance serving 80 concurrent requests (as the throughput benchmark runs it),
   * its instance initialised here.
   */
  private InstancePool warmPool(
      FunctionDefinition function,
      RuntimeSettings settings,
      Workers w,
      EmulatorClock clock,
      LogSink log) {
    InstancePool p =
        new InstancePool(function, settings, 1, 80, Duration.ofMinutes(10), w, clock, log);
    call(p);
    if (p.instances() != 1) {
      throw new IllegalStateException(
          "Expected one warm instance after the first call, found " + p.instances() + ".");
    }
    return p;
  }

  @TearDown
  public void tearDown() {
    pool.retireAll();
    consolePool.retireAll();
    workers.shutdown();
    consoleWorkers.shutdown();
    console.close();
  }

  /** The baseline: the core alone, on the caller's thread. */
  @Benchmark
  public HttpResponse directCall() {
    return instance.handleHttp(match, request, context);
  }

  /**
   * The same call through the pool as the HTTP server makes it (on the calling thread), REPORT
   * lines built and discarded.
   */
  @Benchmark
  public HttpResponse throughPool() {
    return call(pool);
  }

  /**
   * The same call handed to a worker thread and awaited, as event deliveries run (a queue's poller
   * must not run handlers itself); REPORT lines built and discarded.
   */
  @Benchmark
  public HttpResponse throughPoolOnWorker() {
    return pool.invoke(lease(pool), "r", (i, ctx) -> i.handleHttp(match, request, ctx)).join();
  }

  /** The same call through the pool, REPORT lines written by a ConsoleLog (to a null stream). */
  @Benchmark
  public HttpResponse throughPoolConsoleLog() {
    return call(consolePool);
  }

  /** What the pool measured so far; for the test that checks both sides do the same work. */
  FunctionMetrics poolMetrics() {
    return pool.stats().snapshot(pool.instances(), pool.maxInstances());
  }

  private static InstancePool.Lease lease(InstancePool p) {
    return p.tryAcquire()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The pool refused a call: " + p.throttled() + " Expected a free instance."));
  }

  private HttpResponse call(InstancePool p) {
    HttpResponse[] answer = new HttpResponse[1];
    Throwable[] failure = new Throwable[1];
    p.invokeHere(
        lease(p),
        "r",
        (i, ctx) -> i.handleHttp(match, request, ctx),
        (r, x) -> {
          answer[0] = r;
          failure[0] = x;
        });
    if (failure[0] != null) {
      throw new IllegalStateException("The pooled call failed", failure[0]);
    }
    return answer[0];
  }

  private static String body(HttpResponse response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /hello answered " + response.statusCode() + "; expected 200.");
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
