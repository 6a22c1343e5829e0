package dev.anyfn.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.anyfn.Headers;
import dev.anyfn.core.InvocationContext;
import java.util.Map;

/**
 * The entry point of an HTTP deployment ({@code --entry-point dev.anyfn.gcp.HttpEntryPoint
 * --trigger-http}): serves every {@code @Route} of the function named by {@code ANYFN_FUNCTION}.
 * Routing, binding and error answers are the core's, the same on every provider; a handler
 * exception is a 500 problem carrying only the request id.
 *
 * <p>Google's invoker creates one instance per process with the no-argument constructor; that is
 * when the function is loaded and initialised. Thread-safe exactly when the user's function class
 * is.
 */
public final class HttpEntryPoint implements HttpFunction {
  private final DeployedFunction function;

  /**
   * Reads the process environment.
   *
   * @throws dev.anyfn.core.ConfigurationException when {@code ANYFN_FUNCTION} is missing or names
   *     no function in the index, or the function has {@code @SendsTo} and {@code
   *     ANYFN_GCP_PROJECT} is not set
   * @throws dev.anyfn.core.InitFailedException when the function fails to initialise
   */
  public HttpEntryPoint() {
    this(System.getenv());
  }

  /**
   * Uses the given environment instead of the process's (for tests and embedding).
   *
   * @throws dev.anyfn.core.ConfigurationException as {@link #HttpEntryPoint()}
   * @throws dev.anyfn.core.InitFailedException as {@link #HttpEntryPoint()}
   */
  public HttpEntryPoint(Map<String, String> environment) {
    this(environment, GoogleApis.from(environment));
  }

  /** Uses the given environment, and reaches Google's APIs at {@code apis} (for tests). */
  HttpEntryPoint(Map<String, String> environment, GoogleApis apis) {
    GcpSettings settings = GcpSettings.from(environment);
    this.function = DeployedFunction.load(settings, HttpEntryPoint.class.getClassLoader(), apis);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    Headers headers = HttpTranslator.headers(request);
    InvocationContext context =
        function.context(GoogleHeaders.executionId(headers), GoogleTrace.of(headers));
    HttpTranslator.Translated in =
        HttpTranslator.toNeutral(
            request,
            headers,
            function.settings().maxBodyBytes(),
            context.requestId(),
            context.log());
    dev.anyfn.HttpResponse out =
        in.request().isPresent()
            ? function.run(i -> i.handleHttp(in.request().get(), context))
            : in.problem().orElseThrow();
    HttpTranslator.write(out, response);
  }
}
