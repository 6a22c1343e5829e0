package dev.anyfn.bench;

import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** The text-only function of the cold-start benchmark: both sides call {@link #hello()}. */
@ServerlessFunction("bench-hello")
public class HelloBenchFunction {
  @Route("/hello")
  public String hello() {
    return "hello";
  }
}
