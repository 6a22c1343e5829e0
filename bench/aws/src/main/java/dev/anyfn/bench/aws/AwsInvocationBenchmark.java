package dev.anyfn.bench.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.aws.LambdaHandler;
import dev.anyfn.bench.aws.handwritten.HandWrittenHelloHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * One HTTP API (payload 2.0) invocation of {@code GET /hello}, bytes in and bytes out, through the
 * adapter's {@link LambdaHandler} against {@link HandWrittenHelloHandler}, the same response by
 * hand. The adapter reads its function from {@code ANYFN_FUNCTION}, as on Lambda: run with {@code
 * ANYFN_FUNCTION=hello} in the environment (bench/aws/run.sh sets it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AwsInvocationBenchmark {
  private byte[] event;
  private Context context;
  private RequestStreamHandler adapter;
  private RequestStreamHandler handWritten;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

  /**
   * Loads the event and both handlers, and checks that they answer the same JSON, so the benchmark
   * never compares different work.
   *
   * @throws IllegalStateException when the answers differ
   */
  @Setup
  public void setUp() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/events/http-api-v2-hello.json")) {
      event = in.readAllBytes();
    }
    context = new BenchLambdaContext();
    adapter = new LambdaHandler();
    handWritten = new HandWrittenHelloHandler();
    ObjectMapper json = new ObjectMapper();
    String adapterAnswer = answer(adapter);
    String handWrittenAnswer = answer(handWritten);
    if (!json.readTree(adapterAnswer).equals(json.readTree(handWrittenAnswer))) {
      throw new IllegalStateException(
          "The two handlers answer differently, so their timings are not comparable. Adapter: "
              + adapterAnswer
              + "; hand-written: "
              + handWrittenAnswer
              + ". Make HandWrittenHelloHandler write what the adapter writes.");
    }
  }

  private String answer(RequestStreamHandler handler) {
    return new String(invoke(handler), StandardCharsets.UTF_8);
  }

  private byte[] invoke(RequestStreamHandler handler) {
    out.reset();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The event through anyfn's adapter and core. */
  @Benchmark
  public byte[] adapter() {
    return invoke(adapter);
  }

  /** The same event and answer by hand, with aws-lambda-java-events and Jackson. */
  @Benchmark
  public byte[] handWritten() {
    return invoke(handWritten);
  }
}
