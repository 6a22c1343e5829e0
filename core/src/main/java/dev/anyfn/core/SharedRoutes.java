package dev.anyfn.core;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Routes that two functions of a project both serve, for the platforms that put every function's
 * routes behind one front door (an AWS HTTP API, the emulator): there a method and path reach one
 * function only. Compared as the emulator's router compares them ({@code /a/{x}} and {@code /a/{y}}
 * are one path). A route served twice within one function is the processor's to refuse.
 */
public final class SharedRoutes {
  private SharedRoutes() {}

  /** One message per route a second function serves again, naming both functions. */
  public static List<String> in(FunctionIndex index) {
    return in(index, (fn, h) -> "function '" + fn.name() + "' (method " + h.method() + ")");
  }

  /**
   * As {@link #in(FunctionIndex)}, each serving handler named in the messages by {@code describe}
   * (its function's module, for example).
   */
  public static List<String> in(
      FunctionIndex index, BiFunction<FunctionSpec, HandlerSpec, String> describe) {
    Router.Builder<String> routes = Router.builder();
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : index.functions()) {
      for (HandlerSpec h : fn.handlers()) {
        if (h.trigger() instanceof TriggerSpec.Http http) {
          try {
            routes.add(http.method(), http.path(), fn.name(), describe.apply(fn, h));
          } catch (ConfigurationException e) {
            problems.add(e.getMessage());
          }
        }
      }
    }
    return List.copyOf(problems);
  }
}
