package dev.anyfn.bench.gcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load: a fixed number of client threads each sending {@code GET /hello} as soon as the
 * previous answer arrived, for a fixed time; every answer must be 200 with the expected body.
 */
final class LoadGenerator {
  /** Requests per second and the 99th percentile latency of one measured period. */
  record Result(double requestsPerSecond, double p99Millis, int requests) {}

  private final HttpClient client;
  private final int threads;
  private final byte[] expectedBody;

  LoadGenerator(HttpClient client, int threads, String expectedBody) {
    this.client = client;
    this.threads = threads;
    this.expectedBody = expectedBody.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends load for {@code warmupSeconds} without recording, then measures {@code seconds}. */
  Result run(URI uri, int warmupSeconds, int seconds) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).build();
    latencies(request, warmupSeconds);
    long start = System.nanoTime();
    long[] latencies = latencies(request, seconds);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(
        latencies.length / elapsed, Samples.percentile(latencies, 0.99) / 1e6, latencies.length);
  }

  private long[] latencies(HttpRequest request, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> loop(request, end)));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> f : futures) {
        parts.add(f.get());
      }
      return parts.stream().flatMapToLong(Arrays::stream).toArray();
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] loop(HttpRequest request, long endNanos) throws Exception {
    long[] samples = new long[4096];
    int n = 0;
    while (System.nanoTime() < endNanos) {
      long sent = System.nanoTime();
      var response = client.send(request, BodyHandlers.ofByteArray());
      long took = System.nanoTime() - sent;
      if (response.statusCode() != 200 || !Arrays.equals(response.body(), expectedBody)) {
        throw new IllegalStateException(
            request.uri()
                + " answered "
                + response.statusCode()
                + " '"
                + new String(response.body(), StandardCharsets.UTF_8)
                + "'; expected 200 '"
                + new String(expectedBody, StandardCharsets.UTF_8)
                + "'.");
      }
      if (n == samples.length) {
        samples = Arrays.copyOf(samples, n * 2);
      }
      samples[n++] = took;
    }
    return Arrays.copyOf(samples, n);
  }
}
