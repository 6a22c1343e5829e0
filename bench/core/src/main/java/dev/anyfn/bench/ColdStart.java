package dev.anyfn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold-start benchmark: launches fresh JVMs of {@link ColdStartChild}, interleaving the modes
 * so that machine load hits each alike, and times each from process launch to the response line on
 * its standard output. Prints the median per mode and the ratios to the direct call, all from this
 * one run, then how many jackson-databind classes each mode loaded before answering.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.anyfn.bench.ColdStart [runs] [extra JVM flags...]}
 */
public final class ColdStart {
  private static final List<String> MODES = List.of("direct", "core", "core-json");

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> flags = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    MODES.forEach(m -> millis.put(m, new ArrayList<>()));
    for (String mode : MODES) {
      launch(mode, flags, false); // warm the OS file cache; not counted
    }
    for (int i = 0; i < runs; i++) {
      for (String mode : MODES) {
        millis.get(mode).add(launch(mode, flags, false).millis());
      }
    }
    double direct = median(millis.get("direct"));
    System.out.printf("cold start, %d fresh JVMs per mode, launch to response line:%n", runs);
    for (String mode : MODES) {
      double m = median(millis.get(mode));
      System.out.printf("  %-10s median %6.1f ms   ratio to direct %.2fx%n", mode, m, m / direct);
    }
    System.out.printf(
        "ratio core/direct = %.2fx (text-only hello through the core vs the method called"
            + " directly)%n",
        median(millis.get("core")) / direct);
    for (String mode : MODES) {
      Launch l = launch(mode, flags, true);
      System.out.printf(
          "  %-10s loaded %d jackson-databind classes before answering (%s)%n",
          mode, l.databindClasses(), l.response());
    }
  }

  private record Launch(double millis, String response, long databindClasses) {}

  private static Launch launch(String mode, List<String> flags, boolean logClasses)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(flags);
    if (logClasses) {
      command.add("-Xlog:class+load=info:stdout");
    }
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), ColdStartChild.class.getName(), mode));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String response = null;
    long databind = 0;
    double elapsed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("200 ")) {
          elapsed = (System.nanoTime() - start) / 1e6;
          response = line;
        } else if (response == null && line.contains(" com.fasterxml.jackson.databind.")) {
          databind++;
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || response == null) {
      throw new IllegalStateException(
          "Child " + command + " exited with " + exit + " without a 200 line; run it by hand.");
    }
    return new Launch(elapsed, response, databind);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
