package dev.anyfn.core;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.HttpConformanceSuite;

/** The conformance suite straight through the core, as the reference every adapter matches. */
class CoreConformanceTest extends HttpConformanceSuite {
  private final TestRuntime runtime = new TestRuntime();
  private final FunctionInstance instance = runtime.instance("conformance");

  @Override
  protected HttpResponse send(HttpRequest request) {
    return instance.handleHttp(request, runtime.context("conformance"));
  }
}
