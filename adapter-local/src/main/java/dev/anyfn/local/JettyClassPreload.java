package dev.anyfn.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A head start on loading the HTTP server's classes: {@link #startInBackground()} loads Jetty's
 * classes on a daemon thread while the emulator reads its function index, so that the server's
 * start finds them loaded. Only ever a head start: a class it cannot load is skipped, and the
 * server loads what it needs itself. Thread-safe; the loading runs once per JVM.
 */
final class JettyClassPreload {
  private JettyClassPreload() {}

  /**
   * Jetty classes whose static initialisation is slow: {@code MimeTypes} lists the JVM's available
   * locales (about 40 ms here); the parser and generator build their lookup tables.
   */
  private static final List<String> SLOW_SERVER_CLASSES =
      List.of(
          "org.eclipse.jetty.http.MimeTypes",
          "org.eclipse.jetty.http.HttpParser",
          "org.eclipse.jetty.http.HttpGenerator");

  /** The other Jetty classes every start loads, one name per line ({@code #} comments). */
  private static final String SERVER_CLASSES = "server-classes.txt";

  private static final AtomicBoolean SERVER_CLASSES_STARTED = new AtomicBoolean();

  /**
   * Starts loading Jetty's classes on a daemon thread, once per JVM, so that this overlaps with
   * reading the function index and building the functions on a multi-core machine: the slow static
   * initialisers first, then the classes of {@value #SERVER_CLASSES}, loaded without initialising
   * them. Class loading and initialisation are thread-safe: a server start that needs a class
   * meanwhile waits for it. A class that fails here fails again, with its error, where the server
   * needs it; a name this Jetty version lacks is skipped.
   */
  static void startInBackground() {
    if (SERVER_CLASSES_STARTED.getAndSet(true)) {
      return;
    }
    ClassLoader loader = JettyClassPreload.class.getClassLoader();
    Thread t = new Thread(() -> loadServerClasses(loader), "anyfn-server-classes");
    t.setDaemon(true);
    t.start();
  }

  private static void loadServerClasses(ClassLoader loader) {
    for (String name : SLOW_SERVER_CLASSES) {
      load(name, true, loader);
    }
    InputStream in = JettyClassPreload.class.getResourceAsStream(SERVER_CLASSES);
    if (in == null) {
      return;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          load(name, false, loader);
        }
      }
    } catch (IOException e) {
      // only a head start: the server loads what it needs itself
    }
  }

  private static void load(String name, boolean initialise, ClassLoader loader) {
    try {
      Class.forName(name, initialise, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      // skipped: see startInBackground
    }
  }
}
