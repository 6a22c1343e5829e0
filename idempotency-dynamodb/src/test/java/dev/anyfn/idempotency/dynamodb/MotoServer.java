package dev.anyfn.idempotency.dynamodb;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A {@code moto_server} (moto, from PyPI: a server of the DynamoDB API, condition expressions
 * included) run as a child process on a free loopback port for the tests, and stopped with them.
 * Tests on a machine without it on the PATH are skipped, saying what to install ({@link
 * #NOT_INSTALLED}).
 *
 * <p>Its clients send it one request at a time. DynamoDB applies each request atomically, but moto
 * serves requests on parallel threads with no lock around a conditional write's check and write, so
 * two concurrent claims of one key can both pass the check there (seen with moto 5.2.1: 9 of 1,000
 * rounds of 8 concurrent claims had two winners). Serialising requests restores DynamoDB's
 * guarantee, per request, without hiding a store that is not atomic: its claims still interleave
 * request by request.
 */
final class MotoServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path output;
  private final URI endpoint;
  private final Thread killOnExit;
  private final SdkHttpClient http = new OneRequestAtATime(UrlConnectionHttpClient.create());

  private MotoServer(Process process, Path output, URI endpoint) {
    this.process = process;
    this.output = output;
    this.endpoint = endpoint;
    this.killOnExit = new Thread(this::kill, "moto_server-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Why tests that need it are skipped, when it is not on the PATH. */
  static final String NOT_INSTALLED =
      "moto_server is not on the PATH: the DynamoDB store is not tested against a server."
          + " Install it with: pip install 'moto[server]'";

  /**
   * Starts one and waits until it answers; empty when {@code moto_server} is not on the PATH.
   *
   * @throws IllegalStateException when it does not answer in time, with its output
   */
  static Optional<MotoServer> startIfInstalled() throws IOException, InterruptedException {
    Optional<Path> motoServer = onPath("moto_server");
    if (motoServer.isEmpty()) {
      return Optional.empty();
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path output = Files.createTempFile("moto_server-", ".log");
    Process process =
        new ProcessBuilder(
                motoServer.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    process.getOutputStream().close();
    MotoServer server = new MotoServer(process, output, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitAnswer();
    } catch (RuntimeException | Error | InterruptedException e) {
      server.close();
      throw e;
    }
    return Optional.of(server);
  }

  /** A client of this server: region us-east-1, dummy static credentials, one request at a time. */
  DynamoDbClient client() {
    return clientBuilder().build();
  }

  /** The builder of {@link #client()}, to add to. */
  DynamoDbClientBuilder clientBuilder() {
    return clientBuilderWithDefaultHttpClient().httpClient(http);
  }

  /** As {@link #clientBuilder()}, with the HTTP client the SDK finds on the class path. */
  DynamoDbClientBuilder clientBuilderWithDefaultHttpClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }

  private void awaitAnswer() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SdkException last = null;
    try (DynamoDbClient client = clientBuilderWithDefaultHttpClient().build()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "moto_server exited with " + process.exitValue() + " before it answered:\n" + log());
        }
        try {
          client.listTables();
          return;
        } catch (SdkException e) {
          last = e;
          Thread.sleep(100);
        }
      }
    }
    throw new IllegalStateException(
        "moto_server did not answer at "
            + endpoint
            + " within "
            + START_TIMEOUT.toSeconds()
            + " s (last: "
            + last
            + "); its output:\n"
            + log(),
        last);
  }

  private String log() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(its output could not be read: " + e + ")";
    }
  }

  private void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
    kill();
    Runtime.getRuntime().removeShutdownHook(killOnExit);
    Files.deleteIfExists(output);
  }

  /** Sends one request at a time: moto has answered a request before the next is sent. */
  private static final class OneRequestAtATime implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final ReentrantLock lock = new ReentrantLock();

    OneRequestAtATime(SdkHttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      ExecutableHttpRequest call = delegate.prepareRequest(request);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          lock.lock();
          try {
            // moto writes its answer once it has handled the request: the status line means done
            return call.call();
          } finally {
            lock.unlock();
          }
        }

        @Override
        public void abort() {
          call.abort();
        }
      };
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
