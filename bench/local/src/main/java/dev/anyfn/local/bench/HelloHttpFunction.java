package dev.anyfn.local.bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;

/**
 * The Google equivalent of {@link HelloFunction}, served by the invoker in {@link ThroughputBench}.
 */
public class HelloHttpFunction implements HttpFunction {
  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().write("hello");
  }
}
