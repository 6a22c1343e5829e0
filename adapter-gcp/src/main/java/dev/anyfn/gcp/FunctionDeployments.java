package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Google deployments of one function, with the trigger flags of each kind. Google deploys one
 * trigger per function, so a function with routes gets one HTTP deployment ({@code <function>})
 * serving all of them; each queue and topic trigger a Pub/Sub-triggered one ({@code
 * <function>-queue-<queue>}, {@code <function>-topic-<topic>}); a storage trigger one per event
 * type ({@code <function>-storage-<bucket>-finalized}, {@code -deleted}); a Firestore trigger one
 * per document event type, or one for all three ({@code <function>-firestore-<collection>}); a
 * schedule one triggered by the topic of its Cloud Scheduler job ({@code <function>-schedule-<n>});
 * and an {@code @OnInvoke} handler a private HTTP deployment ({@code <function>-invoke}). Names are
 * made Google's by {@link #googleName}. Stateless.
 */
final class FunctionDeployments {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  private FunctionDeployments() {}

  /**
   * Adds the deployments of {@code fn}, one per HTTP function and per event trigger, to {@code
   * out}, and what Google would refuse of its triggers' names to {@code problems}.
   */
  static void add(FunctionSpec fn, List<GcpDeployment> out, List<String> problems) {
    String base = googleName(fn.name());
    if (!fn.handlers(TriggerSpec.Kind.HTTP).isEmpty()) {
      out.add(
          new GcpDeployment(
              base,
              fn,
              GcpDeploymentPlan.HTTP_ENTRY,
              Optional.empty(),
              List.of("--trigger-http"),
              false,
              Optional.empty()));
    }
    int schedules = 0;
    for (TriggerSpec t : fn.triggers()) {
      GcpDeploymentPlan.addOnce(problems, GoogleNames.problem(fn, t));
      if (t instanceof TriggerSpec.Queue q) {
        out.add(event(base + "-queue-" + googleName(q.name()), fn, t, topic(q.name()), true));
      } else if (t instanceof TriggerSpec.Topic p) {
        out.add(event(base + "-topic-" + googleName(p.name()), fn, t, topic(p.name()), false));
      } else if (t instanceof TriggerSpec.Storage s) {
        for (String kind : s.events()) {
          String type =
              kind.equals("DELETED") ? StorageTranslator.DELETED : StorageTranslator.FINALIZED;
          String suffix = kind.equals("DELETED") ? "-deleted" : "-finalized";
          out.add(
              event(
                  base + "-storage-" + googleName(s.bucket()) + suffix,
                  fn,
                  t,
                  List.of(
                      "--trigger-event-filters=type=" + type,
                      "--trigger-event-filters=bucket=" + NAME_PREFIX + s.bucket()),
                  false));
        }
      } else if (t instanceof TriggerSpec.DataChange d) {
        dataChange(base, fn, d, out);
      } else if (t instanceof TriggerSpec.Schedule s) {
        schedules++;
        schedule(base + "-schedule-" + schedules, fn, s, out, problems);
      } else if (t instanceof TriggerSpec.Invoke) {
        // Google has no direct invoke: an authenticated HTTP POST stands in for Lambda's Invoke.
        out.add(
            new GcpDeployment(
                base + "-invoke",
                fn,
                GcpDeploymentPlan.INVOKE_ENTRY,
                Optional.of(t),
                List.of("--trigger-http", "--no-allow-unauthenticated"),
                false,
                Optional.empty()));
      }
    }
  }

  private static List<String> topic(String name) {
    return List.of("--trigger-topic=" + NAME_PREFIX + name);
  }

  private static GcpDeployment event(
      String name, FunctionSpec fn, TriggerSpec t, List<String> flags, boolean retry) {
    return new GcpDeployment(
        name, fn, GcpDeploymentPlan.EVENT_ENTRY, Optional.of(t), flags, retry, Optional.empty());
  }

  private static void dataChange(
      String base, FunctionSpec fn, TriggerSpec.DataChange d, List<GcpDeployment> out) {
    List<String> types = new ArrayList<>();
    if (d.kinds().containsAll(List.of("INSERT", "MODIFY", "REMOVE"))) {
      types.add("written");
    } else {
      d.kinds()
          .forEach(
              k ->
                  types.add(
                      switch (k) {
                        case "INSERT" -> "created";
                        case "MODIFY" -> "updated";
                        default -> "deleted";
                      }));
    }
    for (String type : types) {
      out.add(
          event(
              base + "-firestore-" + googleName(d.table()) + (types.size() == 1 ? "" : "-" + type),
              fn,
              d,
              List.of(
                  "--trigger-event-filters=type=" + FirestoreTranslator.PREFIX + type,
                  "--trigger-event-filters=database=(default)",
                  "--trigger-event-filters-path-pattern=document="
                      + NAME_PREFIX
                      + d.table()
                      + "/{doc}"),
              false));
    }
  }

  private static void schedule(
      String name,
      FunctionSpec fn,
      TriggerSpec.Schedule s,
      List<GcpDeployment> out,
      List<String> problems) {
    boolean cron = s.cron() != null && !s.cron().isEmpty();
    // Cloud Scheduler documents month and day names in upper case (JAN, SUN); cron and the
    // annotation take them in any case, and the rest of a cron expression has no letters.
    Optional<String> expression =
        cron
            ? Optional.of(s.cron().strip().toUpperCase(Locale.ROOT))
            : RateCron.of(s.rateSeconds());
    if (expression.isEmpty()) {
      problems.add(
          "Function '"
              + fn.name()
              + "' runs at rate '"
              + s.rate()
              + "', which Cloud Scheduler cannot express exactly as a cron schedule; use a rate"
              + " that divides an hour (in minutes) or a day (in hours), or a cron expression.");
      return;
    }
    String topic = "anyfn-" + name;
    String zone = cron && s.zone() != null && !s.zone().isEmpty() ? s.zone() : "UTC";
    out.add(
        new GcpDeployment(
            name,
            fn,
            GcpDeploymentPlan.EVENT_ENTRY,
            Optional.of(s),
            topic(topic),
            false,
            Optional.of(new GcpDeployment.SchedulerJob(name, topic, expression.get(), zone))));
  }

  /** A name Google accepts: lower case letters, digits and hyphens, starting with a letter. */
  static String googleName(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    s = s.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "fn-" + s;
    }
    return s;
  }
}
