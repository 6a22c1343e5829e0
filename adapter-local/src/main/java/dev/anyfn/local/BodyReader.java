package dev.anyfn.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a Jetty request's body without blocking a thread while bytes are on their way: {@link
 * #read} buffers it whole up to the profile's body limit, counting bytes as they arrive so that a
 * chunked body (no {@code Content-Length}) cannot pass the limit either; {@link #discard} reads and
 * throws away what a refused request's client still sends. Exactly one callback of a call is
 * called, once, on the thread that read the chunk that decided it. Immutable and thread-safe; a
 * request's body is read by one call.
 */
final class BodyReader {
  private final int maxBodyBytes;

  BodyReader(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Reads the body of {@code request}, which declared {@code declared} bytes ({@code -1}: no {@code
   * Content-Length}): {@code done} gets the bytes, {@code tooLarge} the count of bytes seen once
   * they pass the limit (the rest is left unread), {@code failed} the read's failure.
   */
  void read(
      Request request,
      long declared,
      Consumer<byte[]> done,
      Consumer<Long> tooLarge,
      Consumer<Throwable> failed) {
    readInto(
        request, new ByteArrayOutputStream(initialBodyBuffer(declared)), done, tooLarge, failed);
  }

  private void readInto(
      Request request,
      ByteArrayOutputStream out,
      Consumer<byte[]> done,
      Consumer<Long> tooLarge,
      Consumer<Throwable> failed) {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(() -> readInto(request, out, done, tooLarge, failed));
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        failed.accept(chunk.getFailure());
        return;
      }
      ByteBuffer buffer = chunk.getByteBuffer();
      int n = buffer.remaining();
      if ((long) out.size() + n > maxBodyBytes) {
        chunk.release();
        tooLarge.accept((long) out.size() + n);
        return;
      }
      if (n > 0) {
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        out.write(bytes, 0, n);
      }
      chunk.release();
      if (chunk.isLast()) {
        done.accept(out.toByteArray());
        return;
      }
    }
  }

  /**
   * The body buffer's first size: the Content-Length up to {@link #MAX_PREALLOCATED_BODY}, grown as
   * bytes arrive past it, so that memory follows what clients send, not what they declare (70
   * connections declaring 100 MiB each and sending nothing held 5.8 GB); without a Content-Length,
   * empty (most such requests have no body).
   */
  static int initialBodyBuffer(long declared) {
    return (int) Math.max(0, Math.min(declared, MAX_PREALLOCATED_BODY));
  }

  /** The most of a body's declared length buffered before its bytes arrive. */
  static final int MAX_PREALLOCATED_BODY = 64 * 1024;

  /**
   * Reads and drops the rest of {@code request}'s body until its last chunk, a failure, or more
   * than {@code budget} bytes, then runs {@code finished}.
   */
  static void discard(Request request, long budget, Runnable finished) {
    long left = budget;
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        long remaining = left;
        request.demand(() -> discard(request, remaining, finished));
        return;
      }
      left -= chunk.remaining();
      chunk.release();
      if (chunk.isLast() || Content.Chunk.isFailure(chunk) || left < 0) {
        // Past the budget the connection closes with bytes unread, as it would have anyway.
        finished.run();
        return;
      }
    }
  }
}
