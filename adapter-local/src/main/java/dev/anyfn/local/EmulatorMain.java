package dev.anyfn.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from an IDE over the functions on the JVM class path: {@code --port 8080 --host
 * 127.0.0.1 --profile aws|gcp|azure --idle-timeout 5m}. Stops on Ctrl-C, draining in-flight work.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  /**
   * Starts the emulator and blocks until the JVM is asked to stop.
   *
   * @param args {@code --port N}, {@code --host ADDRESS}, {@code --profile aws|gcp|azure}, {@code
   *     --idle-timeout 30s|5m|1h}, {@code --concurrency N} (requests per instance, instead of the
   *     profile's)
   */
  public static void main(String[] args) throws InterruptedException {
    Emulator.Builder b = Emulator.builder().classLoader(EmulatorMain.class.getClassLoader());
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        System.out.println(
            "Usage: EmulatorMain [--port 8080] [--host 127.0.0.1] [--profile aws|gcp|azure]"
                + " [--idle-timeout 5m] [--concurrency N]");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + flag + " needs a value.");
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> b.port(Integer.parseInt(value));
        case "--host" -> b.host(value);
        case "--profile" -> b.profile(Profile.parse(value));
        case "--idle-timeout" -> b.idleTimeout(parseDuration(value));
        case "--concurrency" -> b.concurrency(Integer.parseInt(value));
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + flag
                    + "; expected --port, --host, --profile, --idle-timeout or --concurrency.");
      }
    }
    Emulator emulator = b.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "anyfn-shutdown"));
    stopped.await();
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or an ISO-8601 duration.
   *
   * @throws IllegalArgumentException for anything else
   */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(text.trim());
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Duration '" + text + "' is not valid; expected e.g. 500ms, 30s, 5m, 1h or PT5M.", e);
    }
  }
}
