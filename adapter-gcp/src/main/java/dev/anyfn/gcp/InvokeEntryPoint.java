package dev.anyfn.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.anyfn.Headers;
import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.core.Problems;
import dev.anyfn.core.index.TriggerSpec;
import java.util.Map;

/**
 * The entry point of a direct-invocation deployment ({@code --entry-point
 * dev.anyfn.gcp.InvokeEntryPoint --trigger-http --no-allow-unauthenticated}): Google has no direct
 * invoke, so the {@code @OnInvoke} handler of the function named by {@code ANYFN_FUNCTION} is
 * called with the JSON body of an authenticated HTTP {@code POST}, the way Lambda's Invoke API
 * calls it. The answer is the handler's JSON result (200), a 400 problem for a payload that does
 * not bind, a 405 for any other method and a 500 problem carrying only the request id when the
 * handler fails.
 */
public final class InvokeEntryPoint implements HttpFunction {
  private final DeployedFunction function;

  /**
   * Reads the process environment.
   *
   * @throws ConfigurationException when {@code ANYFN_FUNCTION} is missing, names no function, or
   *     names one without an {@code @OnInvoke} handler, or the function has {@code @SendsTo} and
   *     {@code ANYFN_GCP_PROJECT} is not set
   * @throws dev.anyfn.core.InitFailedException when the function fails to initialise
   */
  public InvokeEntryPoint() {
    this(System.getenv());
  }

  /**
   * Uses the given environment instead of the process's (for tests and embedding).
   *
   * @throws ConfigurationException as {@link #InvokeEntryPoint()}
   * @throws dev.anyfn.core.InitFailedException as {@link #InvokeEntryPoint()}
   */
  public InvokeEntryPoint(Map<String, String> environment) {
    GcpSettings settings = GcpSettings.from(environment);
    DeployedFunction loaded =
        DeployedFunction.load(settings, InvokeEntryPoint.class.getClassLoader());
    if (loaded.definition().spec().handlers(TriggerSpec.Kind.INVOKE).isEmpty()) {
      throw new ConfigurationException(
          "Function '"
              + loaded.definition().name()
              + "' has no @OnInvoke handler, so dev.anyfn.gcp.InvokeEntryPoint cannot serve it;"
              + " deploy its routes with dev.anyfn.gcp.HttpEntryPoint as the generated"
              + " target/anyfn/gcp/deploy.sh does.");
    }
    this.function = loaded;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    Headers headers = HttpTranslator.headers(request);
    InvocationContext context =
        function.context(GoogleHeaders.executionId(headers), GoogleTrace.of(headers));
    String requestId = context.requestId();
    if (!"POST".equals(request.getMethod())) {
      HttpTranslator.write(
          Problems.builder(
                  405,
                  "method_not_allowed",
                  "A direct invocation is a POST of the JSON payload; got " + request.getMethod(),
                  requestId)
              .header("Allow", "POST")
              .build(),
          response);
      return;
    }
    HttpTranslator.Translated in =
        HttpTranslator.toNeutral(
            request, headers, function.settings().maxBodyBytes(), requestId, context.log());
    if (in.request().isEmpty()) {
      HttpTranslator.write(in.problem().orElseThrow(), response);
      return;
    }
    InvokeOutcome outcome = function.run(i -> i.invoke(in.request().get().body(), context));
    HttpTranslator.write(outcome.httpResponse(requestId), response);
  }
}
