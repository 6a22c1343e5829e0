package dev.anyfn.local.bench;

import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/**
 * The anyfn side of both benchmarks: the emulator serves it in {@link ThroughputBench}, and {@code
 * dev.anyfn.local.PoolOverheadBenchmark} calls it through the instance pool and directly. {@link
 * HelloHttpFunction} is its equivalent for Google's invoker. Up to 10 instances, as the emulator's
 * own {@code hello} test fixture.
 */
@ServerlessFunction(value = "hello", maxInstances = 10)
public class HelloFunction {
  @Route("/hello")
  public String hello() {
    return "hello";
  }
}
