package dev.anyfn.core.packaging;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP front door in front of a deployed function (API Gateway, a load balancer) can stop
 * waiting before the function's own timeout: the caller then gets the front door's error while the
 * function runs on. The packagers warn about it with the same words, each with its cloud's figures.
 */
public final class HttpTimeouts {
  private HttpTimeouts() {}

  /**
   * One warning per function that answers HTTP routes and has a timeout longer than {@code
   * frontDoor} waits ({@code seconds}), after which the caller gets {@code status}.
   */
  public static List<String> longerThanFrontDoor(
      FunctionIndex index, int seconds, String frontDoor, int status) {
    List<String> warnings = new ArrayList<>();
    for (FunctionSpec fn : index.functions()) {
      boolean http = fn.triggers().stream().anyMatch(t -> t instanceof TriggerSpec.Http);
      if (http && fn.timeoutSeconds() > seconds) {
        warnings.add(
            "Function '"
                + fn.name()
                + "' answers HTTP routes and has a timeout of "
                + fn.timeoutSeconds()
                + " s, but "
                + frontDoor
                + " waits at most "
                + seconds
                + " s: a slower answer becomes a "
                + status
                + " while the function runs on. Answer within "
                + seconds
                + " s, or hand long work to a queue.");
      }
    }
    return warnings;
  }
}
