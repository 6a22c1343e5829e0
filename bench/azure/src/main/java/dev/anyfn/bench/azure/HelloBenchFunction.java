package dev.anyfn.bench.azure;

import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/**
 * The anyfn function of the Azure benchmark; the anyfn processor and the Azure entry generator turn
 * it into {@code dev.anyfn.generated.azure.BenchHelloAzureFunctions} at compile time.
 */
@ServerlessFunction("bench-hello")
public class HelloBenchFunction {
  /** Request body. */
  public record Name(String name) {}

  /** Response body. */
  public record Greeting(String message, int length) {}

  @Route(value = "/hello", method = HttpMethod.POST)
  public Greeting hello(Name name) {
    return greet(name);
  }

  /** The work both sides of the benchmark do. */
  static Greeting greet(Name name) {
    return new Greeting("Hello, " + name.name(), name.name().length());
  }
}
