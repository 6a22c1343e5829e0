package dev.anyfn.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
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
 * The core's plain-record JSON ({@link RecordJson}) against databind's default reader and writer on
 * the body and answer of the per-invocation benchmarks: a one-field record read, a two-field record
 * written; {@code recordReadAccented} reads a letter beyond ASCII (two UTF-8 bytes) with {@link
 * DirectRecordReader}, {@code recordWriteAccented} writes it with {@link DirectRecordWriter}. In
 * the core's package to reach the package-private classes. Run: {@code java -jar
 * bench/core/target/benchmarks.jar RecordJsonBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordJsonBenchmark {
  /** Request body. */
  public record Name(String name) {}

  /** Response body. */
  public record Greeting(String message, int length) {}

  private static final byte[] BODY = "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
  private static final Greeting ANSWER = new Greeting("Hello, ada", 3);

  /** A letter beyond ASCII, two bytes in UTF-8. */
  private static final byte[] ACCENTED_BODY =
      "{\"name\":\"Jos\u00e9\"}".getBytes(StandardCharsets.UTF_8);

  private static final Greeting ACCENTED_ANSWER = new Greeting("Hello, Jos\u00e9", 4);

  private RecordJson records;
  private ObjectReader reader;
  private ObjectWriter writer;

  @Setup
  public void setUp() {
    records = new RecordJson(JsonLimits.factory(RuntimeSettings.builder().build()), false);
    ObjectMapper mapper = new ObjectMapper();
    reader = mapper.readerFor(Name.class);
    writer = mapper.writerFor(Greeting.class);
    if (!(records.read(BODY, Name.class) instanceof Name)) {
      throw new IllegalStateException("Name is not read as a plain record");
    }
  }

  @Benchmark
  public Object recordRead() {
    return records.read(BODY, Name.class);
  }

  @Benchmark
  public Object recordReadAccented() {
    return records.read(ACCENTED_BODY, Name.class);
  }

  @Benchmark
  public Object databindRead() throws IOException {
    return reader.readValue(BODY);
  }

  @Benchmark
  public byte[] recordWrite() throws IOException {
    return records.write(ANSWER);
  }

  @Benchmark
  public byte[] recordWriteAccented() throws IOException {
    return records.write(ACCENTED_ANSWER);
  }

  @Benchmark
  public byte[] databindWrite() throws IOException {
    return writer.writeValueAsBytes(ANSWER);
  }
}
