package dev.anyfn.local;

import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
      TopicSource topics,
      ScheduleSource schedules,
      Emulator.Builder config,
      boolean openApi) {
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
    String timeouts =
        cappedTimeouts(
            runtime.functions().stream().map(FunctionDefinition::spec).toList(), config.profile);
    if (!timeouts.isEmpty()) {
      log.line("Timeouts beyond the cloud's limit:\n" + timeouts);
    }
    String sends = sends(base, runtime, queues, topics);
    if (!sends.isEmpty()) {
      log.line("Sends (@SendsTo):\n" + sends);
    }
    log.line("Control API: " + base + "/_anyfn/ (loopback only)");
    if (openApi) {
      log.line("OpenAPI: " + base + "/_anyfn/openapi.json");
    }
    log.line("Metrics: " + base + "/_anyfn/metrics. " + Pricing.NOTE);
  }

  /**
   * One line per function whose timeout the profile's cloud would not give it: the emulator stops
   * it at the cloud's limit, as the deployed function would be (or could not be deployed).
   */
  static String cappedTimeouts(List<FunctionSpec> functions, Profile profile) {
    StringBuilder out = new StringBuilder();
    for (FunctionSpec fn : functions) {
      int max = profile.maxTimeoutSeconds(fn);
      if (fn.timeoutSeconds() > max) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s asks for %d s; %s is %d s, so the emulator stops it after %d s%n",
                fn.name(),
                fn.timeoutSeconds(),
                profile.timeoutLimit(fn),
                max,
                max));
      }
    }
    return out.toString();
  }

  /**
   * What each function sends to, one line per function; a queue or topic no function reads is
   * marked with where its messages are kept.
   */
  private static String sends(
      URI base, FunctionRuntime runtime, QueueSource queues, TopicSource topics) {
    StringBuilder out = new StringBuilder();
    for (FunctionDefinition fn : runtime.functions()) {
      List<String> to = new ArrayList<>();
      for (String q : fn.spec().sendsTo()) {
        to.add(
            "QUEUE "
                + q
                + (queues.hasReaders(q)
                    ? ""
                    : " (read by none: kept, " + base + "/_anyfn/queues/" + q + "/messages)"));
      }
      for (String t : fn.spec().publishesTo()) {
        to.add(
            "TOPIC "
                + t
                + (topics.subscriberCount(t) > 0
                    ? ""
                    : " (read by none: kept, " + base + "/_anyfn/topics/" + t + "/messages)"));
      }
      if (!to.isEmpty()) {
        out.append("  ").append(fn.name()).append(" -> ").append(String.join(", ", to));
        out.append('\n');
      }
    }
    return out.toString();
  }
}
