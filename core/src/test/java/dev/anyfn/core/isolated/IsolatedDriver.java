package dev.anyfn.core.isolated;

import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.RouteMatch;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs inside {@code TextPathWithoutDatabindTest}'s isolated class loader: loads a runtime from the
 * loader's index, serves a script of requests as an adapter would and returns a transcript (one
 * line per response, then the log lines). Only JDK types cross the loader boundary.
 */
public final class IsolatedDriver implements Function<List<String>, List<String>> {
  @Override
  public List<String> apply(List<String> script) {
    List<String> logs = new ArrayList<>();
    RuntimeSettings settings = RuntimeSettings.builder().logSink(logs::add).build();
    FunctionRuntime runtime = FunctionRuntime.load(IsolatedDriver.class.getClassLoader(), settings);
    FunctionInstance instance =
        runtime.function("greeting").newInstance(new StartupContext("greeting", settings));
    List<String> transcript = new ArrayList<>();
    for (String line : script) {
      // "METHOD raw-path [body]"
      String[] parts = line.split(" ", 3);
      String[] pathAndQuery = parts[1].split("\\?", 2);
      HttpRequest request =
          HttpRequest.builder()
              .method(parts[0])
              .rawPath(pathAndQuery[0])
              .rawQuery(pathAndQuery.length > 1 ? pathAndQuery[1] : null)
              .headers(
                  Headers.builder()
                      .add("X-Punctuation", "!")
                      .add(
                          "Content-Type",
                          parts.length > 2 && parts[2].startsWith("{")
                              ? "application/json"
                              : "text/plain; charset=utf-8")
                      .build())
              .body(parts.length > 2 ? parts[2] : "")
              .build();
      InvocationContext context =
          InvocationContext.builder()
              .requestId("req-" + transcript.size())
              .functionName("greeting")
              .clock(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC))
              .logSink(logs::add)
              .build();
      RouteMatch match = runtime.route(request);
      HttpResponse response =
          match.function().isPresent()
              ? instance.handleHttp(match, request, context)
              : match.missResponse(request.method(), context.requestId());
      HttpResponse direct = instance.handleHttp(request, context);
      transcript.add(
          line
              + " -> "
              + response.statusCode()
              + " "
              + response.headers().asMap()
              + " "
              + response.bodyText()
              + (direct.statusCode() == response.statusCode() ? "" : " (direct " + direct + ")"));
    }
    transcript.addAll(logs);
    return transcript;
  }
}
