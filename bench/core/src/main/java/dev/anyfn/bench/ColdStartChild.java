package dev.anyfn.bench;

import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;

/**
 * One fresh JVM of the cold-start benchmark: serves one request and prints {@code status body} on
 * one line, then exits. Modes: {@code direct} calls {@link HelloBenchFunction#hello()} by hand;
 * {@code core} loads the runtime from the index and answers {@code GET /hello} through the core as
 * an adapter does; {@code core-json} answers {@code POST /login} (the first JSON use, which loads
 * jackson-databind).
 */
public final class ColdStartChild {
  private ColdStartChild() {}

  public static void main(String[] args) {
    String mode = args.length == 0 ? "core" : args[0];
    if (mode.equals("direct")) {
      System.out.println("200 " + new HelloBenchFunction().hello());
      return;
    }
    boolean json = mode.equals("core-json");
    String function = json ? "bench-login" : "bench-hello";
    RuntimeSettings settings = RuntimeSettings.builder().logSink(line -> {}).build();
    FunctionRuntime runtime = FunctionRuntime.load(ColdStartChild.class.getClassLoader(), settings);
    FunctionInstance instance =
        runtime.function(function).newInstance(new StartupContext(function, settings));
    HttpRequest request =
        json
            ? HttpRequest.builder()
                .method("POST")
                .rawPath("/login")
                .headers(Headers.builder().add("Content-Type", "application/json").build())
                .body("{\"username\":\"ada\",\"password\":\"open-sesame\"}")
                .build()
            : HttpRequest.builder().rawPath("/hello").build();
    HttpResponse response =
        instance.handleHttp(
            request, InvocationContext.builder().requestId("r").functionName(function).build());
    System.out.println(response.statusCode() + " " + response.bodyText());
  }
}
