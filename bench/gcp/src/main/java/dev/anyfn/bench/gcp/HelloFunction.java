package dev.anyfn.bench.gcp;

import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/**
 * The anyfn side of the benchmark: {@code GET /hello} answered with a short text, served on Google
 * by {@code dev.anyfn.gcp.HttpEntryPoint} as the generated deploy script states it.
 */
@ServerlessFunction("hello")
public class HelloFunction {
  /** What both sides answer. */
  static final String HELLO = "hello from google";

  /** The only route. */
  @Route("/hello")
  public String hello() {
    return HELLO;
  }
}
