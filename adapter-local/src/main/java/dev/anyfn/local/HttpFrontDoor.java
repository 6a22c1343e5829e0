package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.Problems;
import dev.anyfn.core.RouteMatch;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP server in front of every function (Jetty 12 core, no servlets). Applies the local
 * server's safe defaults: what {@link Admission} refuses from the request line and headers (Host
 * check against DNS rebinding, the control API only from loopback and never for a web page of
 * another origin, URI and header limits), the body limit answered 413 before the body is buffered,
 * no CORS headers. Hands requests under {@value #CONTROL_PREFIX} to the {@link ControlApi}; routes
 * the others with {@code FunctionRuntime.route} and hands a routed one to the {@link
 * FunctionGateway} (an instance from the function's pool: 429 with {@code Retry-After} when none is
 * free, 504 on timeout). Jetty calls it on its server threads, concurrently.
 */
final class HttpFrontDoor extends Handler.Abstract {
  static final String CONTROL_PREFIX = "/_anyfn/";

  /** How much of a refused request's body is read and thrown away so its client sees the answer. */
  static final long MAX_DISCARD_BYTES = 64L * 1024 * 1024;

  private final Emulator emulator;
  private final Emulator.Builder config;
  private final ConnectionGuard guard;
  private final ControlApi control;
  private final int maxBodyBytes;
  private final Admission admission;
  private final BodyReader bodies;
  private final FunctionGateway gateway;
  private final JettyRequestTranslator translator;
  private Server server;
  private ServerConnector connector;
  private volatile boolean accepting = true;
  private volatile URI baseUri;
  private final Object exchangesLock = new Object();
  private final AtomicInteger exchanges = new AtomicInteger();

  HttpFrontDoor(Emulator emulator, Emulator.Builder config) {
    this.emulator = emulator;
    this.config = config;
    this.maxBodyBytes = config.profile.maxBodyBytes();
    this.bodies = new BodyReader(maxBodyBytes);
    this.guard =
        new ConnectionGuard(
            config.maxConnections,
            config.headerReadTimeout.toNanos(),
            config.bodyReadTimeout.toNanos(),
            emulator.log());
    this.control = new ControlApi(emulator);
    this.admission = new Admission(config.host, () -> connector.getLocalPort());
    this.gateway = new FunctionGateway(emulator, config);
    this.translator = new JettyRequestTranslator(config.profile);
  }

  void listen() {
    boolean loopback = Admission.isLoopback(config.host);
    if (!loopback) {
      emulator
          .log()
          .warn(
              "Binding to "
                  + config.host
                  + " exposes every function and the event API to the network. Use"
                  + " 127.0.0.1 unless you need this.");
    }
    // A LinkedBlockingQueue rather than Jetty's default BlockingArrayQueue: that one's MemoryUtils
    // starts the platform MBean server to read a VM option, about 60 ms of every start (Jetty
    // 12.1).
    QueuedThreadPool threads = new QueuedThreadPool(maxThreads(), 4, new LinkedBlockingQueue<>());
    threads.setName("anyfn-http");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // Room for an 8 KB request line plus 16 KB of headers; our own checks answer 414 and 431 first.
    http.setRequestHeaderSize(Admission.MAX_URI_CHARS + Admission.MAX_HEADER_BYTES + 1024);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // The core decodes the raw path once and rejects traversal with a problem response; Jetty must
    // pass ambiguous paths through rather than answer them with its own page.
    http.setUriCompliance(UriCompliance.UNSAFE);
    // Lines end with CRLF: Jetty's RFC 9110 mode also takes a bare LF, which the front doors of
    // the clouds may read otherwise (request smuggling between two parsers).
    http.setHttpCompliance(
        HttpCompliance.RFC9110.without(
            "RFC9110_CRLF_ONLY", HttpCompliance.Violation.LF_HEADER_TERMINATION));
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host);
    connector.setPort(config.port);
    connector.setIdleTimeout(config.connectionIdleTimeout.toMillis());
    connector.setAcceptQueueSize(128);
    connector.addEventListener(guard);
    server.addConnector(connector);
    server.setHandler(this);
    server.setErrorHandler(new ProblemErrorHandler());
    try {
      server.start();
      baseUri = computeBaseUri();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot listen on "
              + config.host
              + ":"
              + config.port
              + " ("
              + e.getMessage()
              + "). Choose another port, or 0 for a free one.",
          e);
    }
  }

  /**
   * Handlers run on the server's threads (made on demand, retired when idle), so there are enough
   * of them for every function to reach its {@code maxInstances} at its concurrency, and some for
   * the server itself and the control API; at least Jetty's default of 200, at most {@value
   * #MAX_THREADS}.
   */
  private int maxThreads() {
    long invocations = 0;
    for (InstancePool pool : emulator.pools().values()) {
      invocations += pool.maxConcurrentInvocations();
    }
    return (int) Math.min(MAX_THREADS, Math.max(200, invocations + SERVER_THREADS));
  }

  /** Threads for the selector, the acceptor, slow clients and the control API. */
  private static final int SERVER_THREADS = 32;

  /** The cap on the server's threads, whatever the functions' scaling settings add up to. */
  static final int MAX_THREADS = 10_000;

  URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException("The emulator is not started; call start() first.");
    }
    return baseUri;
  }

  private URI computeBaseUri() {
    return URI.create(Admission.origin(config.host, connector.getLocalPort()));
  }

  void sweepConnections() {
    guard.sweep();
  }

  ConnectionGuard guard() {
    return guard;
  }

  void stopAccepting() {
    accepting = false;
    // New connections are closed on arrival and new requests answered 503, while exchanges in
    // flight complete. (Jetty's own graceful connector shutdown closed busy connections too.)
    guard.refuseNewConnections();
  }

  void stopServer() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      emulator.log().warn("HTTP server did not stop cleanly: " + e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    ConnectionGuard.State guarded = guard.requestStarted(connection);
    exchangeStarted();
    Callback done =
        Callback.from(
            () -> {
              guard.requestEnded(guarded, connection);
              exchangeEnded();
              callback.succeeded();
            },
            x -> {
              guard.requestEnded(guarded, connection);
              exchangeEnded();
              callback.failed(x);
            });
    String requestId = newRequestId();
    HttpResponse early = checkLimits(request, requestId);
    if (early != null) {
      refuse(request, response, done, guarded, early, 0);
      return true;
    }
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      refuse(request, response, done, guarded, tooLarge(request, declared, requestId), 0);
      return true;
    }
    guard.bodyStarted(guarded);
    bodies.read(
        request,
        declared,
        body -> {
          guard.bodyEnded(guarded);
          dispatch(request, body, requestId, response, done);
        },
        tooLarge ->
            refuse(
                request, response, done, guarded, tooLarge(request, tooLarge, requestId), tooLarge),
        failure -> done.failed(failure));
    return true;
  }

  /**
   * Answers a request refused before its body was read, then reads and discards what the client
   * still sends, up to {@link #MAX_DISCARD_BYTES} in all, before the connection closes. Most
   * clients (browsers, {@code java.net.http}, most SDKs) send the whole body before they read an
   * answer; closing on unread bytes makes the kernel reset the connection, and such a client then
   * reports a broken pipe instead of the 413. A client that sent {@code Expect: 100-continue} gets
   * the answer instead of a {@code 100} and sends no body, so nothing is read then. The body read
   * deadline applies while discarding, so a client cannot hold the connection by trickling. Once
   * shutdown has begun nothing is discarded: the connection closes after the answer.
   */
  private void refuse(
      Request request,
      Response response,
      Callback done,
      ConnectionGuard.State guarded,
      HttpResponse problem,
      long bytesSeen) {
    long declared = request.getLength();
    boolean discard =
        accepting // while shutting down, refused requests do not delay the drain
            && !request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")
            && (declared >= 0 ? declared : bytesSeen) <= MAX_DISCARD_BYTES;
    if (!discard) {
      write(response, done, problem, true);
      return;
    }
    Callback thenDiscard =
        Callback.from(
            () -> {
              guard.bodyStarted(guarded);
              BodyReader.discard(
                  request,
                  MAX_DISCARD_BYTES - bytesSeen,
                  () -> {
                    guard.bodyEnded(guarded);
                    done.succeeded();
                  });
            },
            done::failed);
    write(response, thenDiscard, problem, true);
  }

  private void exchangeStarted() {
    exchanges.incrementAndGet();
  }

  private void exchangeEnded() {
    // Only a shutdown waits for zero: take the lock then, not on every request.
    if (exchanges.decrementAndGet() == 0 && !accepting) {
      synchronized (exchangesLock) {
        exchangesLock.notifyAll();
      }
    }
  }

  /** Waits until every HTTP exchange has been answered, or the deadline; true when none is left. */
  boolean awaitExchanges(long deadlineNanos) throws InterruptedException {
    synchronized (exchangesLock) {
      while (exchanges.get() > 0) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        // Bounded: an exchange that ended just before accepting turned false notified nobody.
        exchangesLock.wait(Math.max(1, Math.min(10, left / 1_000_000)));
      }
      return true;
    }
  }

  private HttpResponse checkLimits(Request request, String requestId) {
    if (!accepting) {
      return Problems.builder(503, "shutting_down", "The emulator is shutting down.", requestId)
          .header("Connection", "close")
          .build();
    }
    return admission.refusal(request, requestId);
  }

  private HttpResponse tooLarge(Request request, long size, String requestId) {
    return Problems.builder(
            413,
            "body_too_large",
            "The body has "
                + (size > maxBodyBytes ? size + " bytes" : "more bytes than allowed")
                + "; the limit of the "
                + config.profile.name().toLowerCase(Locale.ROOT)
                + " profile is "
                + maxBodyBytes
                + " bytes."
                + ControlApi.messageLimit(request.getHttpURI().getPath(), config.profile),
            requestId)
        .header("Connection", "close")
        .build();
  }

  private void dispatch(
      Request request, byte[] body, String requestId, Response response, Callback done) {
    String rawPath = request.getHttpURI().getPath();
    if (rawPath != null && rawPath.startsWith(CONTROL_PREFIX)) {
      control
          .handle(
              request.getMethod(),
              rawPath,
              request.getHttpURI().getQuery(),
              body,
              FrontDoorHeaders.asSent(request.getHeaders()),
              requestId)
          .whenComplete(
              (r, x) ->
                  write(response, done, r != null ? r : Problems.internalError(requestId), false));
      return;
    }
    HttpRequest asked;
    try {
      asked = translator.translate(request, body);
    } catch (JettyRequestTranslator.Refused e) {
      write(response, done, Problems.response(400, e.code(), e.getMessage(), requestId), false);
      return;
    }
    RouteMatch routed = emulator.runtime().route(asked);
    // A HEAD that a GET route answers is served as that GET: Jetty sends its headers and length
    // without the body, as RFC 9110 has a HEAD answer say what the GET's would.
    HttpRequest neutral = routed.head() ? asked.toBuilder().method("GET").build() : asked;
    RouteMatch match = routed.head() ? emulator.runtime().route(neutral) : routed;
    if (match.function().isEmpty()) {
      write(response, done, match.missResponse(neutral.method(), requestId), false);
      return;
    }
    Optional<String> tooLarge =
        config.profile.requestTooLarge(neutral, rawPath, request.getHttpURI().getQuery());
    if (tooLarge.isPresent()) {
      write(
          response,
          done,
          Problems.response(413, "request_too_large", tooLarge.get(), requestId),
          false);
      return;
    }
    gateway.serve(
        match, neutral, requestId, (answer, close) -> write(response, done, answer, close));
  }

  private void write(Response response, Callback done, HttpResponse r, boolean close) {
    try {
      response.setStatus(r.statusCode());
      HttpFields.Mutable out = response.getHeaders();
      r.headers().forEach(out::add);
      if (close && !out.contains(HttpHeader.CONNECTION)) {
        out.put(HttpHeader.CONNECTION, "close");
      }
      byte[] body = r.body();
      out.put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), done);
    } catch (RuntimeException e) {
      // The client went away or the response was already committed: nothing more to send.
      done.failed(e);
    }
  }

  private static String newRequestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }
}
