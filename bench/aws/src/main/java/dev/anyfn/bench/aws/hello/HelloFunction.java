package dev.anyfn.bench.aws.hello;

import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/**
 * The hello function every AWS benchmark serves: {@code GET /hello} answers {@code hello} as text.
 * The hand-written handler and the Spring Cloud Function project answer the same.
 */
@ServerlessFunction("hello")
public class HelloFunction {
  /** Answers {@code hello}. */
  @Route(value = "/hello", method = HttpMethod.GET)
  public String hello() {
    return "hello";
  }
}
