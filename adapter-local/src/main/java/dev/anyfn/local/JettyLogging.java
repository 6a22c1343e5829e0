package dev.anyfn.local;

import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * Keeps SLF4J quiet about having nowhere to send Jetty's logs. The emulator's own lines go to its
 * console log; Jetty logs through SLF4J, and a project whose tests have no SLF4J provider (the
 * archetype's, most projects') saw three {@code SLF4J(W): No SLF4J providers were found} lines at
 * the top of every test run. When the class path holds no provider, SLF4J is bound to its no-op
 * provider explicitly, which is what it falls back to anyway, without the warning. A project with a
 * provider (Logback, Log4j, slf4j-simple; Maven's own under {@code anyfn:run}) is left alone, and
 * so is a JVM where {@code slf4j.provider} is already set. The system properties used for this are
 * restored once SLF4J has read them.
 */
final class JettyLogging {
  static final String PROVIDER_PROPERTY = "slf4j.provider";
  static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
  static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
  private static final String PROVIDER_SERVICE =
      "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
  private static final String LEGACY_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";

  private static boolean done; // guarded by the class

  private JettyLogging() {}

  /**
   * Binds SLF4J to its no-op provider if {@link #hasNoProvider} holds for the loader of SLF4J's
   * API. Once per JVM; call before anything that initialises SLF4J.
   */
  static synchronized void quietWithoutProvider() {
    if (done) {
      return;
    }
    done = true;
    ClassLoader loader = LoggerFactory.class.getClassLoader();
    if (loader == null || System.getProperty(PROVIDER_PROPERTY) != null || !hasNoProvider(loader)) {
      return;
    }
    String verbosity = System.getProperty(VERBOSITY_PROPERTY);
    System.setProperty(PROVIDER_PROPERTY, NOP_PROVIDER);
    if (verbosity == null) {
      // SLF4J reports an explicitly named provider at INFO level ("Attempting to load provider")
      System.setProperty(VERBOSITY_PROPERTY, "WARN");
    }
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      System.clearProperty(PROVIDER_PROPERTY);
      if (verbosity == null) {
        System.clearProperty(VERBOSITY_PROPERTY);
      }
    }
  }

  /**
   * Whether SLF4J would find no provider in this loader: no service entry for one, and no SLF4J 1.x
   * binding (SLF4J 2 ignores those, but says so, and that message is worth keeping).
   */
  static boolean hasNoProvider(ClassLoader loader) {
    try {
      return !loader.getResources(PROVIDER_SERVICE).hasMoreElements()
          && loader.getResource(LEGACY_BINDING) == null;
    } catch (IOException e) {
      return false;
    }
  }
}
