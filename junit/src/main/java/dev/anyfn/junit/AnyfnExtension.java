package dev.anyfn.junit;

import dev.anyfn.local.Emulator;
import dev.anyfn.local.EmulatorClock;
import dev.anyfn.local.EventApi;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link AnyfnTest}; usable directly with
 * {@code @ExtendWith(AnyfnExtension.class)} (then with the defaults). One emulator per test class,
 * shared by its {@code @Nested} classes that have no {@code @AnyfnTest} of their own, closed by
 * JUnit when the class is done.
 */
public final class AnyfnExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AnyfnExtension.class);
  private static final String KEY = "emulator";
  private static final String LOG_KEY = "log";

  /** Created by JUnit. */
  public AnyfnExtension() {}

  /**
   * Starts the class's emulator. A {@code @Nested} class runs on the emulator of its enclosing
   * class (its settings, clock and state), unless it carries an {@code @AnyfnTest} of its own.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Optional<AnyfnTest> options = AnnotationSupport.findAnnotation(testClass, AnyfnTest.class);
    if (find(context) != null && !AnnotationSupport.isAnnotated(testClass, AnyfnTest.class)) {
      return; // a nested class without settings of its own: its enclosing class's emulator
    }
    Emulator.Builder builder = Emulator.builder().port(0).classLoader(classLoaderOf(testClass));
    options.ifPresent(o -> configure(builder, o, testClass));
    FunctionLog log = new FunctionLog();
    builder.logListener(log::add);
    Emulator emulator = builder.build().start();
    log.attach(emulator);
    context.getStore(NAMESPACE).put(KEY, new Running(emulator));
    context.getStore(NAMESPACE).put(LOG_KEY, log);
  }

  /**
   * The class's emulator as its store holds it, closed by JUnit when the class is done: as a {@code
   * CloseableResource} by JUnit before 5.13 (which closes nothing else: a plain {@code
   * AutoCloseable} would leave the server, its port and its schedules running), as an {@code
   * AutoCloseable} by later versions (which warn about a value that is only the former), once.
   */
  @SuppressWarnings("deprecation") // CloseableResource: what JUnit before 5.13 closes
  static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Emulator emulator;

    Running(Emulator emulator) {
      this.emulator = emulator;
    }

    @Override
    public void close() {
      emulator.close();
    }
  }

  /**
   * Each test method starts with no queued events, dead letters, objects or rows: what an earlier
   * test left (a retry still waiting, a dead letter) would otherwise show up in this one, and the
   * tests of a class would pass or fail by the order JUnit runs them in.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    Emulator emulator = find(context);
    if (emulator == null) {
      return;
    }
    if (!emulator.events().reset(RESET_WAIT)) {
      System.err.println(
          "WARNING: anyfn: an event delivery or a handler stopped at its timeout, of an"
              + " earlier test, was still running after "
              + RESET_WAIT.toSeconds()
              + " s; "
              + context.getDisplayName()
              + " starts without waiting for it, and its outcome is ignored.");
    }
    FunctionLog log = findLog(context);
    if (log != null) {
      log.clear();
    }
  }

  /** How long a reset waits for deliveries still running from the previous test. */
  static final Duration RESET_WAIT = Duration.ofSeconds(10);

  private static ClassLoader classLoaderOf(Class<?> testClass) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : testClass.getClassLoader();
  }

  static void configure(Emulator.Builder builder, AnyfnTest o, Class<?> testClass) {
    builder.profile(o.profile());
    builder.idleTimeout(parseDuration(o.idleTimeout(), testClass));
    builder.environment(environment(o.environment(), testClass));
    if (!o.manualClockStart().isEmpty()) {
      try {
        builder.clock(EmulatorClock.manual(Instant.parse(o.manualClockStart())));
      } catch (DateTimeParseException e) {
        throw new ExtensionConfigurationException(
            "@AnyfnTest(manualClockStart) '"
                + o.manualClockStart()
                + "' on "
                + testClass.getName()
                + " is not an ISO-8601 instant; write it as e.g. \"2026-01-01T00:00:00Z\".",
            e);
      }
    }
    if (o.maxAttempts() < 0) {
      throw new ExtensionConfigurationException(
          "@AnyfnTest(maxAttempts) "
              + o.maxAttempts()
              + " on "
              + testClass.getName()
              + " is negative; write 0 for the profile's attempts, or 1 or more.");
    }
    if (o.maxAttempts() > 0) {
      builder.maxAttempts(o.maxAttempts());
    }
    builder.retryBackoff(
        Duration.ofMillis(Math.max(1, o.retryBackoffMillis())),
        Duration.ofMillis(Math.max(1, o.retryBackoffMillis()) * 300));
  }

  static Map<String, String> environment(String[] entries, Class<?> testClass) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException(
            "@AnyfnTest(environment) entry '"
                + entry
                + "' on "
                + testClass.getName()
                + " is not NAME=value; write it as e.g. \"TABLE=orders\".");
      }
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return env;
  }

  static Duration parseDuration(String text, Class<?> testClass) {
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t);
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new ExtensionConfigurationException(
        "@AnyfnTest(idleTimeout) '"
            + text
            + "' on "
            + testClass.getName()
            + " is not a duration; expected e.g. 500ms, 30s, 5m, 1h or PT5M.");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Emulator.class
        || type == EventApi.class
        || type == EmulatorClock.class
        || type == AnyfnClient.class
        || type == FunctionLog.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Emulator emulator = emulator(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Emulator.class) {
      return emulator;
    }
    if (type == EventApi.class) {
      return emulator.events();
    }
    if (type == EmulatorClock.class) {
      return emulator.clock();
    }
    if (type == FunctionLog.class) {
      return findLog(context);
    }
    return new AnyfnClient(emulator.baseUri());
  }

  private static Emulator emulator(ExtensionContext context) {
    Emulator e = find(context);
    if (e != null) {
      return e;
    }
    throw new ParameterResolutionException(
        "No anyfn emulator is running for "
            + context.getDisplayName()
            + ". Annotate the test class with @AnyfnTest or @ExtendWith(AnyfnExtension.class).");
  }

  private static Emulator find(ExtensionContext context) {
    Running running = find(context, KEY, Running.class);
    return running == null ? null : running.emulator;
  }

  private static FunctionLog findLog(ExtensionContext context) {
    return find(context, LOG_KEY, FunctionLog.class);
  }

  private static <T> T find(ExtensionContext context, String key, Class<T> type) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      T found = c.get().getStore(NAMESPACE).get(key, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
