package dev.anyfn.bench.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.Provider;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import dev.anyfn.generated.azure.BenchHelloAzureFunctions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HTTP invocation as the Azure Java worker makes it: through the entry method anyfn generated
 * (Azure request to neutral request, core routing and binding, neutral response to Azure response)
 * against a hand-written Azure-annotated method doing the same work, with the same request, context
 * and response builder implementations. {@code coreOnly} is a reference point, not a side of the
 * ratio: the core's share of the generated path (a neutral request built once, handed to the
 * function instance), so that {@code generatedEntry - coreOnly} is what the adapter adds. Run with
 * {@code bench/azure/run.sh}.
 *
 * <p>What "the same work" leaves out. Both sides check the content type, read the JSON body, call
 * {@link HelloBenchFunction#greet}, write JSON and build the Azure response. The generated side
 * also does, for correctness or by contract, what the hand-written one skips: it checks the name
 * (RFC 9110 token) and value (no control characters) of each request header it reads (here the
 * content type; the others are checked only if read), decodes the path and rejects dot segments and
 * encoded slashes, routes, copies the request and response bodies (the neutral values are
 * immutable), parses the media type case-insensitively and without its parameters, reads the trace
 * id and the deadline into the context, refuses a response with more than one {@code Set-Cookie},
 * and answers errors as problem+json. The hand-written method answers errors with empty bodies. The
 * target ratio is kept as it is; these are the reasons a gap can remain, and the share of each is
 * visible in {@code -prof gc} and a sampling profile.
 *
 * <p>{@code coreOnly} reuses one neutral request, whose parsed content type is cached on it after
 * the first call; per-request work of that kind is counted in the adapter's share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AzureInvocationBenchmark {
  static final byte[] BODY = "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8);

  private BenchHelloAzureFunctions generated;
  private HandWrittenFunctions handWritten;
  private HttpRequestMessage<Optional<byte[]>> request;
  private ExecutionContext context;
  private FunctionInstance instance;
  private HttpRequest neutral;
  private InvocationContext neutralContext;

  /** The request both sides answer. */
  public static HttpRequestMessage<Optional<byte[]>> request() {
    return new BenchRequest(
        HttpMethod.POST,
        "https://bench.azurewebsites.net/hello",
        Map.of(
            "content-type", "application/json",
            "accept", "application/json",
            "user-agent", "bench/1.0",
            "host", "bench.azurewebsites.net",
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        BODY);
  }

  @Setup
  public void setUp() {
    generated = new BenchHelloAzureFunctions();
    handWritten = new HandWrittenFunctions();
    request = request();
    context = new BenchContext("3f2c1a9e-0d4b-4c1e-9a51-2b7d8e6f4a10", "bench-hello");
    // The first call loads the function index and starts the instance (the cold start).
    generated.http(request, context);

    RuntimeSettings settings =
        RuntimeSettings.builder().provider(Provider.AZURE).logSink(line -> {}).build();
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader(), settings);
    instance =
        runtime.function("bench-hello").newInstance(new StartupContext("bench-hello", settings));
    Headers.Builder headers = Headers.builder();
    request.getHeaders().forEach(headers::add);
    neutral =
        HttpRequest.builder()
            .method("POST")
            .rawPath("/hello")
            .headers(headers.build())
            .body(BODY)
            .build();
    neutralContext =
        InvocationContext.builder()
            .requestId(context.getInvocationId())
            .functionName("bench-hello")
            .provider(Provider.AZURE)
            .build();
  }

  /** Through the anyfn-generated entry method. */
  @Benchmark
  public HttpResponseMessage generatedEntry() {
    return generated.http(request, context);
  }

  /** Reference: the core alone, with the neutral request and context built once. */
  @Benchmark
  public HttpResponse coreOnly() {
    return instance.handleHttp(neutral, neutralContext);
  }

  /** The hand-written Azure function. */
  @Benchmark
  public HttpResponseMessage handWritten() {
    return handWritten.hello(request, context);
  }
}
