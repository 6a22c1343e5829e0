package dev.anyfn.local;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The default log sink: writes lines to standard output in the order they were logged, from one
 * background thread that writes every waiting line with one call. Handler threads only enqueue, so
 * a REPORT line per request no longer makes every request queue on the console's lock and a system
 * call. {@link #close()} writes what is left and stops the thread. Thread-safe.
 */
final class ConsoleLog implements Consumer<String>, AutoCloseable {
  private static final int CHUNK_CHARS = 64 * 1024;
  private static final long BATCH_NANOS = 1_000_000;

  private final PrintStream out;
  private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
  private final Object writeLock = new Object();

  /** The text of one write, reused (guarded by writeLock): no buffer growth on every batch. */
  private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);

  private final Thread writer;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean parked;
  private volatile boolean closed;

  ConsoleLog(PrintStream out) {
    this.out = out;
    this.writer = new Thread(this::run, "anyfn-log");
    writer.setDaemon(true);
  }

  @Override
  public void accept(String line) {
    pending.add(line);
    if (!started.get() && started.compareAndSet(false, true)) {
      writer.start(); // on the first line, so an emulator that never logs has no thread
    }
    if (closed) {
      writePending(); // after close (a late shutdown hook failure): nobody else will write it
    } else if (parked) {
      LockSupport.unpark(writer);
    }
  }

  private void run() {
    while (!closed) {
      writePending();
      // Under steady logging, collect lines for a millisecond rather than have every logging
      // thread wake this one: one write per batch, no wake-up per line.
      LockSupport.parkNanos(this, BATCH_NANOS);
      if (!pending.isEmpty()) {
        continue;
      }
      parked = true;
      // Re-check after announcing the park: a line added meanwhile saw parked and unparks us,
      // or is seen here.
      if (pending.isEmpty() && !closed) {
        LockSupport.park(this);
      }
      parked = false;
    }
  }

  private void writePending() {
    synchronized (writeLock) {
      String line = pending.poll();
      if (line == null) {
        return;
      }
      StringBuilder chunk = this.chunk;
      chunk.setLength(0);
      String newline = System.lineSeparator();
      for (; line != null; line = pending.poll()) {
        chunk.append(line).append(newline);
        if (chunk.length() >= CHUNK_CHARS) {
          out.print(chunk);
          chunk.setLength(0);
        }
      }
      out.print(chunk);
      out.flush();
      if (chunk.capacity() > 4 * CHUNK_CHARS) {
        chunk.setLength(0); // after a huge line: do not keep its buffer
        chunk.trimToSize();
      }
    }
  }

  /** Writes every line logged so far and stops the writer thread. Idempotent. */
  @Override
  public void close() {
    closed = true;
    if (started.get()) {
      LockSupport.unpark(writer);
    }
    writePending();
  }
}
