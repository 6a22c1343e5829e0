package dev.anyfn.bench;

import com.fasterxml.jackson.databind.JavaType;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One HTTP invocation through the core (route, bind a small JSON body, invoke, serialise) against a
 * baseline that calls the same method directly with the same Jackson codec.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreInvocationBenchmark {
  private static final byte[] BODY =
      "{\"username\":\"ada\",\"password\":\"open-sesame\"}".getBytes(StandardCharsets.UTF_8);

  private FunctionInstance instance;
  private InvocationContext context;
  private HttpRequest request;
  private JsonCodec json;
  private JavaType loginType;
  private LoginBenchFunction direct;

  @Setup
  public void setUp() {
    RuntimeSettings settings = RuntimeSettings.builder().logSink(line -> {}).build();
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader(), settings);
    instance =
        runtime.function("bench-login").newInstance(new StartupContext("bench-login", settings));
    context = InvocationContext.builder().requestId("r").functionName("bench-login").build();
    request =
        HttpRequest.builder()
            .method("POST")
            .rawPath("/login")
            .headers(Headers.builder().add("Content-Type", "application/json").build())
            .body(BODY)
            .build();
    json = runtime.json();
    loginType = json.typeFactory().constructType(LoginBenchFunction.Login.class);
    direct = new LoginBenchFunction();
  }

  /** The full core path. */
  @Benchmark
  public HttpResponse throughCore() {
    return instance.handleHttp(request, context);
  }

  /**
   * What an adapter does per request on top of {@link #throughCore()}: build the request from the
   * provider's raw parts (headers validated, path decoded, body copied) and a context, then call
   * the core.
   */
  @Benchmark
  public HttpResponse throughCoreFromRawParts() {
    return instance.handleHttp(requestFromRawParts(), contextFromRawParts());
  }

  /**
   * The building alone, without the core: what {@link #throughCoreFromRawParts()} costs more than
   * {@link #throughCore()}, measured directly.
   */
  @Benchmark
  public void buildFromRawParts(Blackhole out) {
    out.consume(requestFromRawParts());
    out.consume(contextFromRawParts());
  }

  private static HttpRequest requestFromRawParts() {
    return HttpRequest.builder()
        .method("POST")
        .rawPath("/login")
        .headers(
            Headers.builder()
                .add("Content-Type", "application/json")
                .add("Host", "abc123.execute-api.eu-west-1.amazonaws.com")
                .add("User-Agent", "curl/8.5.0")
                .add("Accept", "*/*")
                .add("X-Forwarded-For", "203.0.113.7")
                .add("X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678")
                .build())
        .body(BODY)
        .build();
  }

  private static InvocationContext contextFromRawParts() {
    return InvocationContext.builder().requestId("r").functionName("bench-login").build();
  }

  /** The same work by hand: parse, call, serialise. */
  @Benchmark
  public byte[] directCall() {
    LoginBenchFunction.Login login = json.read(BODY, loginType);
    return json.write(direct.login(login));
  }
}
