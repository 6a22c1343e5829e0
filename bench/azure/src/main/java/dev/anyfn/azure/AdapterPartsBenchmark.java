package dev.anyfn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.bench.azure.AzureInvocationBenchmark;
import dev.anyfn.bench.azure.BenchContext;
import dev.anyfn.bench.azure.HandWrittenFunctions;
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
 * Where the Azure adapter's share of {@link AzureInvocationBenchmark#generatedEntry} goes: each
 * step of the generated entry's path timed alone on the same request, so that work on the gap to
 * the hand-written method starts from figures, not guesses. In this package to reach the adapter's
 * package-private translator and app. Not part of the ratio; run with {@code java -jar
 * bench/azure/target/benchmarks.jar AdapterPartsBenchmark} after {@code bench/azure/run.sh} built
 * the jar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdapterPartsBenchmark {
  private static final String FUNCTION = "bench-hello";

  private HttpRequestMessage<Optional<byte[]>> request;
  private ExecutionContext context;
  private AzureApp app;
  private AzureHttpTranslator translator;
  private HttpRequest translated;
  private HttpResponse response;
  private HandWrittenFunctions handWritten;

  @Setup
  public void setUp() {
    request = AzureInvocationBenchmark.request();
    context = new BenchContext("3f2c1a9e-0d4b-4c1e-9a51-2b7d8e6f4a10", FUNCTION);
    handWritten = new HandWrittenFunctions();
    app = AzureApp.load(getClass().getClassLoader(), Map.of());
    translator = new AzureHttpTranslator(app.options());
    translated = translator.request(request, "", "id").request();
    AzureApp.Call call = app.call(FUNCTION, context, null);
    response = call.instance().handleHttp(translated, call.context());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The benchmark request was answered " + response);
    }
  }

  /** The request headers copied into neutral headers, every name and value checked. */
  @Benchmark
  public Headers requestHeaders() {
    return AzureHttpTranslator.headers(request.getHeaders());
  }

  /** The whole request translation: URL limits, route prefix, path decoding, headers, body. */
  @Benchmark
  public Object requestTranslation() {
    return translator.request(request, "", "id");
  }

  /** The warm instance and the neutral context of an invocation. */
  @Benchmark
  public Object invocationContext() {
    return app.call(FUNCTION, context, null);
  }

  /** The media type of a translated request, as the JSON body binder reads it. */
  @Benchmark
  public Object contentTypeLookup() {
    return translated.headers().first("Content-Type");
  }

  /**
   * The least an adapter of this design adds to the core: the warm instance and the invocation's
   * context, the core on a request already translated (a fresh copy each call, so nothing parsed on
   * an earlier call is reused) and the response translation. Only the request translation is left
   * out, so {@code withoutRequestTranslation / handWritten} bounds from below what the ratio of
   * {@link AzureInvocationBenchmark} can reach by making the request translation cheaper.
   */
  @Benchmark
  public HttpResponseMessage withoutRequestTranslation() {
    AzureApp.Call call = app.call(FUNCTION, context, null);
    HttpResponse answer =
        call.instance().handleHttp(translated.toBuilder().build(), call.context());
    return translator.response(request, answer, null, "id");
  }

  /** The hand-written Azure function, the reference of {@link #withoutRequestTranslation}. */
  @Benchmark
  public Object handWritten() {
    return handWritten.hello(request, context);
  }

  /** The neutral response translated into Azure's. */
  @Benchmark
  public Object responseTranslation() {
    return translator.response(request, response, null, "id");
  }
}
