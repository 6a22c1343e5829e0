package dev.anyfn.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;

/**
 * Local-server limits the HTTP engine does not give per connection: a cap on open connections (past
 * it new connections are closed at once), a deadline for a request's headers once its first bytes
 * arrived, and a deadline for its body (slowloris). Idle keep-alive connections are closed by the
 * connector's idle timeout. Thread-safe.
 */
final class ConnectionGuard implements Connection.Listener {
  private final Map<Connection, State> open = new ConcurrentHashMap<>();
  private final int maxConnections;
  private final long headerReadNanos;
  private final long bodyReadNanos;
  private final LogSink log;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong closedSlow = new AtomicLong();
  private volatile boolean refuseAll;

  /** A connection this guard did not see open (none in practice): its record is never read. */
  private static final State UNTRACKED = new State();

  /** What the guard knows of one open connection. */
  static final class State {
    volatile boolean inRequest;
    volatile long boundaryNanos = System.nanoTime();
    volatile long bytesAtBoundary;
    volatile long bodyDeadlineNanos;
    volatile boolean readingBody;
  }

  ConnectionGuard(int maxConnections, long headerReadNanos, long bodyReadNanos, LogSink log) {
    this.maxConnections = maxConnections;
    this.headerReadNanos = headerReadNanos;
    this.bodyReadNanos = bodyReadNanos;
    this.log = log;
  }

  @Override
  public void onOpened(Connection connection) {
    if (refuseAll || open.size() >= maxConnections) {
      refused.incrementAndGet();
      connection.getEndPoint().close();
      return;
    }
    open.put(connection, new State());
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /**
   * Marks a request started on {@code c}; returns the connection's record, which the request's
   * other calls take, so that the map is read once per request.
   */
  State requestStarted(Connection c) {
    State s = open.get(c);
    if (s == null) {
      return UNTRACKED;
    }
    s.inRequest = true;
    return s;
  }

  void bodyStarted(State s) {
    s.bodyDeadlineNanos = System.nanoTime() + bodyReadNanos;
    s.readingBody = true;
  }

  void bodyEnded(State s) {
    s.readingBody = false;
  }

  void requestEnded(State s, Connection c) {
    s.inRequest = false;
    s.readingBody = false;
    s.boundaryNanos = System.nanoTime();
    s.bytesAtBoundary = c.getBytesIn();
  }

  /** Closes connections that trickle headers or a body past their deadline. */
  void sweep() {
    long now = System.nanoTime();
    open.forEach(
        (c, s) -> {
          boolean slowHeaders =
              !s.inRequest
                  && c.getBytesIn() > s.bytesAtBoundary
                  && now - s.boundaryNanos > headerReadNanos;
          boolean slowBody = s.readingBody && now - s.bodyDeadlineNanos > 0;
          if (slowHeaders || slowBody) {
            closedSlow.incrementAndGet();
            log.line(
                "Closed a connection from "
                    + c.getEndPoint().getRemoteSocketAddress()
                    + ": "
                    + (slowHeaders ? "headers" : "body")
                    + " not received within the read deadline");
            c.getEndPoint().close();
          }
        });
  }

  /** From now on every new connection is closed at once (shutdown). */
  void refuseNewConnections() {
    refuseAll = true;
  }

  int openConnections() {
    return open.size();
  }

  long refused() {
    return refused.get();
  }

  long closedSlow() {
    return closedSlow.get();
  }
}
