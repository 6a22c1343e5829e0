package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import dev.anyfn.HttpRequest;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.isolated.IsolatedDriver;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start: a function answering text, bytes or plain records (JSON read and written by {@link
 * RecordJson}) must answer without jackson-databind. The runtime runs in a class loader over
 * anyfn-core, anyfn-api, jackson-core and the fixture only (parent: the platform loader), so any
 * databind class the text path touches, even through bytecode verification, is a {@link
 * NoClassDefFoundError}.
 */
class TextPathWithoutDatabindTest {
  @TempDir Path fixture;

  @SuppressWarnings("unchecked")
  private List<String> runIsolated(List<String> script) throws Exception {
    Path index = fixture.resolve(FunctionIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    try (InputStream in = getClass().getResourceAsStream("greeting-index.json")) {
      Files.copy(in, index);
    }
    Path classes = location(IsolatedDriver.class);
    Path pkg = Path.of("dev", "anyfn", "core", "isolated");
    Files.createDirectories(fixture.resolve(pkg));
    try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
      for (Path f : files.toList()) {
        Files.copy(f, fixture.resolve(pkg).resolve(f.getFileName().toString()));
      }
    }
    URL[] path = {
      location(FunctionRuntime.class).toUri().toURL(),
      location(HttpRequest.class).toUri().toURL(),
      location(JsonParser.class).toUri().toURL(),
      fixture.toUri().toURL()
    };
    try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
          .isInstanceOf(ClassNotFoundException.class);
      Object driver =
          loader.loadClass(IsolatedDriver.class.getName()).getDeclaredConstructor().newInstance();
      return ((Function<List<String>, List<String>>) driver).apply(script);
    }
  }

  private static Path location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void textBytesProblemsAndLogsAreServedWithoutDatabindOnTheClassPath() throws Exception {
    List<String> transcript =
        runIsolated(
            List.of(
                "GET /greeting/ada?times=2",
                "HEAD /greeting/ada",
                "POST /echo h\u00e9llo",
                "GET /bytes",
                "POST /greeting",
                "PUT /greeting",
                "GET /greeting/ada?times=x",
                "GET /fail",
                "GET /nowhere",
                "DELETE /greeting/ada",
                "OPTIONS /greeting",
                "GET /json",
                "POST /reply {\"text\":\"h\\u00e9\"}"));
    assertThat(transcript.subList(0, 13))
        .containsExactly(
            "GET /greeting/ada?times=2 -> 200 {Content-Type=[text/plain; charset=utf-8]}"
                + " Hello ada! Hello ada!",
            "HEAD /greeting/ada -> 200 {Content-Type=[text/plain; charset=utf-8]} ",
            "POST /echo h\u00e9llo -> 200 {Content-Type=[text/plain; charset=utf-8]} h\u00e9llo",
            "GET /bytes -> 200 {Content-Type=[application/octet-stream]} raw",
            "POST /greeting -> 201 {Location=[/greeting/new], Content-Type=[text/plain;"
                + " charset=utf-8]} made",
            "PUT /greeting -> 409 {Content-Type=[application/problem+json]}"
                + " {\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"Already greeted.\",\"error\":\"conflict\",\"requestId\":\"req-5\"}",
            "GET /greeting/ada?times=x -> 400 {Content-Type=[application/problem+json]}"
                + " {\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Query parameter 'times' must be an integer.\","
                + "\"error\":\"bad_request\",\"requestId\":\"req-6\"}",
            "GET /fail -> 500 {Content-Type=[application/problem+json]}"
                + " {\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                + "\"error\":\"internal_error\",\"requestId\":\"req-7\"}",
            "GET /nowhere -> 404 {Content-Type=[application/problem+json]}"
                + " {\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No route matches this path.\",\"error\":\"not_found\","
                + "\"requestId\":\"req-8\"}",
            "DELETE /greeting/ada -> 405 {Content-Type=[application/problem+json],"
                + " Allow=[GET, HEAD]} {\"type\":\"about:blank\",\"title\":\"Method Not Allowed\","
                + "\"status\":405,\"detail\":\"This path answers GET, HEAD.\","
                + "\"error\":\"method_not_allowed\",\"requestId\":\"req-9\"}",
            "OPTIONS /greeting -> 204 {Allow=[POST, PUT]} ",
            "GET /json -> 200 {Content-Type=[application/json]} {\"text\":\"hello\"}",
            "POST /reply {\"text\":\"h\\u00e9\"} -> 200 {Content-Type=[application/json]}"
                + " {\"text\":\"h\u00e9!\",\"length\":2,\"shouted\":false,"
                + "\"echo\":{\"text\":\"h\u00e9\"}}");
    assertThat(transcript.subList(13, transcript.size()))
        .contains(
            "{\"time\":\"1970-01-01T00:00:00Z\",\"level\":\"INFO\",\"function\":\"greeting\","
                + "\"requestId\":\"req-0\",\"message\":\"greeting\",\"name\":\"ada\","
                + "\"token\":\"[redacted]\"}")
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"level\":\"ERROR\"", "\"requestId\":\"req-7\"")
                    .contains("\"errorType\":\"java.lang.IllegalStateException\""));
  }

  /**
   * The control: the isolation is real, so the first JSON answer that is not a plain record is
   * where databind is missed.
   */
  @Test
  void theFirstJsonAnswerBeyondPlainRecordsIsWhereDatabindIsNeeded() throws Exception {
    List<String> transcript = runIsolated(List.of("GET /list"));
    assertThat(transcript.get(0)).startsWith("GET /list -> 500 ");
    assertThat(transcript.get(1))
        .contains("\"errorType\":\"java.lang.NoClassDefFoundError\"")
        .contains("com/fasterxml/jackson/databind/");
  }
}
