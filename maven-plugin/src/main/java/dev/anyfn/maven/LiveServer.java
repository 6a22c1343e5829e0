package dev.anyfn.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * What {@code anyfn:run} serves: one generation of the project (its classes in a fresh class
 * loader, on an emulator), replaced by the next when the build output changes and settles, so that
 * {@code mvn compile} in another terminal, or an IDE's build, is served without a restart. State in
 * the functions (static fields, queued events) starts afresh with each generation, as it would with
 * a new deployment.
 */
final class LiveServer {
  /** A running generation; closing it drains the emulator and releases the class loader. */
  interface Generation {
    void close();
  }

  /** Starts a generation from the build output as it is now. */
  interface Starter {
    Generation start() throws Exception;
  }

  /** Why the build output cannot be served as it is now, or {@code null} when it can. */
  interface Readiness {
    String whyNot();
  }

  private final Starter starter;
  private final Readiness readiness;
  private final OutputWatch watch;
  private final Log log;
  private Generation current; // guarded by this
  private boolean closed; // guarded by this

  LiveServer(Starter starter, Readiness readiness, OutputWatch watch, Log log) {
    this.starter = starter;
    this.readiness = readiness;
    this.watch = watch;
    this.log = log;
  }

  /** Starts the first generation; its failure is the caller's (nothing was being served). */
  synchronized void start() throws Exception {
    current = starter.start();
  }

  /**
   * Polls the build output once and, when it changed and settled, replaces the generation. Output
   * that cannot be served (a compile failed, or cleaned it) leaves the running generation serving
   * until the next change. A generation that does not start is reported, and nothing is served
   * until the next change.
   *
   * @return whether a new generation was started
   */
  boolean poll() {
    if (!watch.settledChange()) {
      return false;
    }
    synchronized (this) {
      if (closed) {
        return false;
      }
      String whyNot = readiness.whyNot();
      if (whyNot != null) {
        log.warn(
            "anyfn: "
                + watch.root()
                + " changed, but "
                + whyNot
                + "; "
                + (current != null ? "still serving the previous build." : "nothing is served."));
        return false;
      }
      log.info("anyfn: " + watch.root() + " changed; reloading the functions.");
      if (current != null) {
        current.close();
        current = null;
      }
      try {
        current = starter.start();
        return true;
      } catch (Exception | LinkageError e) {
        log.error(
            "anyfn: the changed project did not start, so nothing is served: "
                + (e.getMessage() != null ? e.getMessage() : e.toString())
                + " Fix it and compile again; anyfn:run keeps watching "
                + watch.root()
                + ".");
        return false;
      }
    }
  }

  /** Stops serving; later polls do nothing. */
  synchronized void close() {
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
