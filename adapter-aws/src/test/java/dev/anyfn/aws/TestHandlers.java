package dev.anyfn.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;

/** Test-only access to the handler's environment constructor, for code outside this package. */
public final class TestHandlers {
  private TestHandlers() {}

  /** A handler serving {@code function}, with the test class path's index. */
  public static RequestStreamHandler lambdaHandler(String function) {
    return new LambdaHandler(
        Map.of("ANYFN_FUNCTION", function), TestHandlers.class.getClassLoader());
  }

  /** A Lambda context with ten seconds left. */
  public static Context context(String requestId) {
    return TestLambdaContext.of(requestId);
  }
}
