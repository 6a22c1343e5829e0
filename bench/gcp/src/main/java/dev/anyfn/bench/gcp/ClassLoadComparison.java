package dev.anyfn.bench.gcp;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which classes the anyfn variant loads up to its first 200 on {@code GET /hello} that the
 * hand-written one does not, counted by where they come from: run by {@code bench/gcp/classes.sh}
 * with the same arguments as {@link InvokerBenchmark}. Each variant is launched once under {@code
 * -Xlog:class+load} and stopped after its first answer. Lambda and method-handle classes, whose
 * names differ from run to run, are compared by their stable part and counted under their host.
 */
public final class ClassLoadComparison {
  private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (.*)$");
  private static final Pattern HIDDEN_SUFFIX = Pattern.compile("/0x[0-9a-f]+$");
  private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d+");

  /** Where classes of a package come from in the deployed jar, most specific first. */
  private static final List<Map.Entry<String, String>> ORIGINS =
      List.of(
          Map.entry("dev.anyfn.gcp.", "anyfn-adapter-gcp"),
          Map.entry("dev.anyfn.core.", "anyfn-core"),
          Map.entry("dev.anyfn.bench.", "the function itself"),
          Map.entry("dev.anyfn.", "anyfn-api"),
          Map.entry("com.fasterxml.jackson.databind.", "jackson-databind"),
          Map.entry("com.fasterxml.jackson.core.", "jackson-core"),
          Map.entry("com.fasterxml.jackson.annotation.", "jackson-annotations"),
          Map.entry("com.fasterxml.jackson.datatype.", "jackson-datatype-*"),
          Map.entry("com.google.protobuf.", "protobuf-java"),
          Map.entry("com.google.events.", "google-cloudevent-types"),
          Map.entry("io.cloudevents.", "cloudevents-*"),
          Map.entry("com.google.cloud.functions.", "the invoker"),
          Map.entry("org.eclipse.jetty.", "the invoker (Jetty)"));

  private ClassLoadComparison() {}

  /** Launches both variants once and prints the difference. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, Integer> anyfn = loaded(options, options.anyfn(), client);
    Map<String, Integer> baseline = loaded(options, options.baseline(), client);
    Map<String, Integer> byOrigin = new TreeMap<>();
    Map<String, List<String>> names = new TreeMap<>();
    int extra = 0;
    for (Map.Entry<String, Integer> e : anyfn.entrySet()) {
      int more = e.getValue() - baseline.getOrDefault(e.getKey(), 0);
      if (more > 0) {
        String[] nameAndOrigin = e.getKey().split(" ", 2);
        byOrigin.merge(nameAndOrigin[1], more, Integer::sum);
        names.computeIfAbsent(nameAndOrigin[1], k -> new ArrayList<>()).add(nameAndOrigin[0]);
        extra += more;
      }
    }
    System.out.printf(
        "Classes loaded up to the first 200: anyfn %d, baseline %d; %d only by anyfn:%n",
        total(anyfn), total(baseline), extra);
    byOrigin.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
    if (options.number("list", 1) > 1) {
      names.forEach((origin, list) -> System.out.printf("%n%s:%n  %s%n", origin, list));
    }
  }

  /** {@code "<class> <origin>"} to how many classes of that name were loaded. */
  private static Map<String, Integer> loaded(
      BenchOptions options, Deployment deployment, HttpClient client) throws Exception {
    Path log = Files.createTempFile("anyfn-gcp-classes-" + deployment.label() + "-", ".log");
    List<String> jvm = new ArrayList<>(options.jvmArgs());
    jvm.add("-Xlog:class+load=info:file=" + log);
    try (RunningInvoker invoker = RunningInvoker.launch(options.invokerJar(), deployment, jvm)) {
      invoker.awaitFirst200(client, 5);
    }
    try {
      return parse(Files.readAllLines(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static Map<String, Integer> parse(List<String> lines) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines) {
      Matcher m = LOADED.matcher(line);
      if (m.find()) {
        String name = stableName(m.group(1));
        counts.merge(name + " " + origin(name, m.group(2)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The class name without the parts that change between runs of the same code. */
  static String stableName(String name) {
    String stable = HIDDEN_SUFFIX.matcher(name).replaceAll("");
    return LAMBDA_NUMBER.matcher(stable).replaceAll(Matcher.quoteReplacement("$$Lambda"));
  }

  /**
   * The origin of a loaded class: the artifact its package belongs to when it came from the
   * deployed jar, the JDK module, or, for a lambda or other hidden class, its host's origin.
   */
  static String origin(String name, String source) {
    if (source.startsWith("jrt:/")) {
      return "JDK " + source.substring("jrt:/".length());
    }
    if (source.startsWith("shared objects file")) {
      return "JDK (CDS archive)";
    }
    boolean fromJar = source.endsWith(".jar") || source.startsWith("file:");
    String owner = fromJar ? name : source;
    if (!fromJar && (owner.startsWith("__") || owner.startsWith("java.lang.invoke."))) {
      return "JDK method handles (LambdaForms)";
    }
    for (Map.Entry<String, String> o : ORIGINS) {
      if (owner.startsWith(o.getKey())) {
        return fromJar ? o.getValue() : o.getValue() + " (lambdas)";
      }
    }
    String[] parts = owner.split("\\.");
    String pkg = String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
    return (fromJar ? "jar: " : "JDK: ") + pkg + (fromJar ? "" : " (lambdas)");
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
