package dev.anyfn.bench.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.RuntimeSettings;
import java.io.IOException;
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
 * What anyfn's hardened JSON settings cost: the body of {@link AzureInvocationBenchmark} read and
 * its answer written with the default {@code ObjectMapper} and typed reader and writer, as {@link
 * HandWrittenFunctions} does, against {@link JsonCodec} as the core uses it (limits, strict
 * duplicate detection, trailing tokens rejected, no default typing; a reader made once per type,
 * the shared writer). Answers whether the gap between the generated entry and the hand-written
 * function lies in JSON. Run: {@code java -jar bench/azure/target/benchmarks.jar
 * JsonSettingsBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonSettingsBenchmark {
  private ObjectReader defaultReader;
  private ObjectWriter defaultWriter;
  private JsonCodec codec;
  private ObjectReader codecReader;

  @Setup
  public void setUp() {
    ObjectMapper mapper = new ObjectMapper();
    defaultReader = mapper.readerFor(HelloBenchFunction.Name.class);
    defaultWriter = mapper.writerFor(HelloBenchFunction.Greeting.class);
    codec = JsonCodec.create(RuntimeSettings.builder().build());
    codecReader = codec.readerFor(codec.typeFactory().constructType(HelloBenchFunction.Name.class));
  }

  /** The hand-written function's JSON work. */
  @Benchmark
  public byte[] defaultMapper() throws IOException {
    HelloBenchFunction.Name name = defaultReader.readValue(AzureInvocationBenchmark.BODY);
    return defaultWriter.writeValueAsBytes(HelloBenchFunction.greet(name));
  }

  /** The same work with anyfn's codec. */
  @Benchmark
  public byte[] anyfnCodec() throws IOException {
    HelloBenchFunction.Name name = codecReader.readValue(AzureInvocationBenchmark.BODY);
    return codec.write(HelloBenchFunction.greet(name));
  }
}
