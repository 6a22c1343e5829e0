package dev.anyfn.core;

import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.Provider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loads the test functions through the real index and calls them as an adapter would. */
final class TestRuntime {
  final List<String> logs = new CopyOnWriteArrayList<>();
  final FunctionRuntime runtime;

  TestRuntime() {
    this(RuntimeSettings.builder());
  }

  TestRuntime(RuntimeSettings.Builder settings) {
    runtime =
        FunctionRuntime.load(
            TestRuntime.class.getClassLoader(),
            settings.provider(Provider.LOCAL).logSink(logs::add).build());
  }

  FunctionInstance instance(String function) {
    return runtime.function(function).newInstance(new StartupContext(function, runtime.settings()));
  }

  InvocationContext context(String function) {
    return InvocationContext.builder()
        .requestId("req-1")
        .functionName(function)
        .logSink(logs::add)
        .build();
  }

  HttpResponse http(String function, HttpRequest request) {
    return instance(function).handleHttp(request, context(function));
  }

  static HttpRequest.Builder request(String method, String rawPath) {
    return HttpRequest.builder().method(method).rawPath(rawPath);
  }

  static HttpRequest jsonPost(String rawPath, String body) {
    return request("POST", rawPath)
        .headers(Headers.builder().add("Content-Type", "application/json").build())
        .body(body)
        .build();
  }
}
