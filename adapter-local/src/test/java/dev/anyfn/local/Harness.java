package dev.anyfn.local;

import dev.anyfn.local.fixtures.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts emulators on free ports with captured logs; a small HTTP client. */
final class Harness implements AutoCloseable {
  final List<String> log = new CopyOnWriteArrayList<>();
  final Emulator emulator;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Harness(Emulator.Builder builder) {
    this(builder, FixtureIndex.LOADER);
  }

  /** An emulator of the functions whose index {@code loader} shows. */
  Harness(Emulator.Builder builder, ClassLoader loader) {
    Probe.reset();
    this.emulator = builder.classLoader(loader).port(0).logSink(log::add).build().start();
  }

  static Harness start() {
    return new Harness(Emulator.builder());
  }

  static Emulator.Builder fast() {
    return Emulator.builder()
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
        .shutdownGrace(Duration.ofSeconds(2));
  }

  URI uri(String path) {
    return emulator.baseUri().resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  boolean logged(String fragment) {
    return log.stream().anyMatch(l -> l.contains(fragment));
  }

  @Override
  public void close() {
    Probe.gate.countDown();
    Probe.spin = false;
    emulator.close();
  }
}
