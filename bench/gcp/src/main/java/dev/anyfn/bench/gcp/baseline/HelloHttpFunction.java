package dev.anyfn.bench.gcp.baseline;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written baseline: what {@code HelloFunction} answers, written directly against Google's
 * {@link HttpFunction}, packaged alone in its own jar.
 */
public final class HelloHttpFunction implements HttpFunction {
  private static final byte[] HELLO = "hello from google".getBytes(StandardCharsets.UTF_8);

  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    if (!request.getMethod().equals("GET") || !request.getPath().equals("/hello")) {
      response.setStatusCode(404);
      return;
    }
    response.setContentType("text/plain; charset=utf-8");
    try (OutputStream out = response.getOutputStream()) {
      out.write(HELLO);
    }
  }
}
