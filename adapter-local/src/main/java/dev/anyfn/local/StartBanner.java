package dev.anyfn.local;

import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.index.TriggerSpec;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Prints the route table and event triggers at start, as {@code sam local start-api} does. */
final class StartBanner {
  private StartBanner() {}

  static void print(
      LogSink log,
      URI base,
      FunctionRuntime runtime,
      Map<String, InstancePool> pools,
      QueueSource queues,
      ScheduleSource schedules,
      Emulator.Builder config) {
    log.line(
        "anyfn emulator listening on "
            + base
            + " (profile "
            + config.profile.name().toLowerCase(Locale.ROOT)
            + ", idle timeout "
            + config.idleTimeout
            + ")");
    StringBuilder routes = new StringBuilder();
    StringBuilder triggers = new StringBuilder();
    for (FunctionDefinition fn : runtime.functions()) {
      InstancePool pool = pools.get(fn.name());
      for (TriggerSpec t : fn.spec().triggers()) {
        if (t instanceof TriggerSpec.Http h) {
          routes.append(
              String.format(
                  Locale.ROOT, "  %-7s %-40s -> %s%n", h.method(), base + h.path(), fn.name()));
        } else if (!(t instanceof TriggerSpec.Schedule)) {
          triggers.append("  ").append(t.describe()).append(" -> ").append(fn.name());
          if (t instanceof TriggerSpec.Queue q) {
            queues
                .deadLettersTo(q.name())
                .ifPresent(
                    dlq -> triggers.append(" (dead letters to queue ").append(dlq).append(')'));
          }
          triggers.append('\n');
        }
      }
      if (pool.maxInstances() == 0) {
        triggers
            .append("  (function '")
            .append(fn.name())
            .append("' is disabled: maxInstances 0)\n");
      }
    }
    for (String s : schedules.describe()) {
      triggers.append("  ").append(s).append('\n');
    }
    log.line("Routes:\n" + (routes.length() == 0 ? "  (none)\n" : routes));
    log.line("Event triggers:\n" + (triggers.length() == 0 ? "  (none)\n" : triggers));
    log.line("Control API: " + base + "/_anyfn/ (loopback only)");
    log.line("Metrics: " + base + "/_anyfn/metrics. " + Pricing.NOTE);
  }
}
