package dev.anyfn.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A small Lambda Runtime API (version 2018-06-01) on loopback: {@code GET /runtime/invocation/next}
 * hands out queued events with the headers Lambda sets, and {@code POST .../response} and {@code
 * .../error} are captured (answered 202), as is {@code /runtime/init/error}.
 */
public final class RuntimeApiServer implements AutoCloseable {
  private static final String BASE = "/2018-06-01/runtime/";

  /** One queued event. */
  public record Invocation(String requestId, byte[] event, long deadlineMs, String traceId) {}

  /** What the runtime posted back for a request. */
  public record Posted(String kind, String body, Map<String, String> headers) {
    /** Whether the runtime posted an invocation error. */
    public boolean isError() {
      return kind.equals("error");
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Posted>> posted = new ConcurrentHashMap<>();

  /** What the runtime posted to {@code /runtime/init/error}, when it did. */
  public final CompletableFuture<String> initError = new CompletableFuture<>();

  /** Starts on a free loopback port. */
  public RuntimeApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "runtime-api");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(BASE, this::handle);
    server.start();
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event; the returned future completes when the runtime posts its answer. */
  public CompletableFuture<Posted> enqueue(
      String requestId, byte[] event, long timeoutMillis, String trace) {
    CompletableFuture<Posted> answer =
        posted.computeIfAbsent(requestId, k -> new CompletableFuture<>());
    queue.add(new Invocation(requestId, event, System.currentTimeMillis() + timeoutMillis, trace));
    return answer;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(BASE.length());
      if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
        Invocation next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        var h = exchange.getResponseHeaders();
        h.add("Lambda-Runtime-Aws-Request-Id", next.requestId());
        h.add("Lambda-Runtime-Deadline-Ms", String.valueOf(next.deadlineMs()));
        h.add(
            "Lambda-Runtime-Invoked-Function-Arn",
            "arn:aws:lambda:us-east-1:123456789012:function:shop");
        if (next.traceId() != null) {
          h.add("Lambda-Runtime-Trace-Id", next.traceId());
        }
        h.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, next.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(next.event());
        }
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("init/error")) {
        initError.complete(body);
      } else if (path.startsWith("invocation/")) {
        String[] parts = path.split("/");
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange
            .getRequestHeaders()
            .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        posted
            .computeIfAbsent(parts[1], k -> new CompletableFuture<>())
            .complete(new Posted(parts[2], body, headers));
      }
      exchange.sendResponseHeaders(202, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
