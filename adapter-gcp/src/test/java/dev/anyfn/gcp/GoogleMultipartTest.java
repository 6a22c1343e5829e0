package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.HttpRequest.HttpPart;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.Log;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The parts of a multipart request written back as one body. Through Google's real invoker, {@code
 * GcpConformanceTest} covers the path that reads Jetty's parse (every part, in order); here the
 * public {@code getParts()} path, for an invoker whose request is not Jetty's.
 */
class GoogleMultipartTest {
  private static HttpPart part(String filename, String contentType, byte[] content) {
    return new HttpPart() {
      @Override
      public Optional<String> getFileName() {
        return Optional.ofNullable(filename);
      }

      @Override
      public Optional<String> getContentType() {
        return Optional.ofNullable(contentType);
      }

      @Override
      public long getContentLength() {
        return content.length;
      }

      @Override
      public Optional<String> getCharacterEncoding() {
        return Optional.empty();
      }

      @Override
      public InputStream getInputStream() {
        return new ByteArrayInputStream(content);
      }

      @Override
      public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
      }

      @Override
      public Map<String, List<String>> getHeaders() {
        return Map.of();
      }
    };
  }

  @Test
  void theFallbackToThePublicApiIsLoggedOnceAsAWarning() throws Exception {
    com.google.cloud.functions.HttpRequest google =
        (com.google.cloud.functions.HttpRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {com.google.cloud.functions.HttpRequest.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getParts")) {
                    return Map.of("doc", part("a.txt", "text/plain", new byte[] {'a'}));
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    List<String> warnings = new ArrayList<>();
    Log log =
        new Log() {
          @Override
          public void info(String message, Object... keyValues) {}

          @Override
          public void warn(String message, Object... keyValues) {
            warnings.add(message);
          }

          @Override
          public void error(String message, Throwable error, Object... keyValues) {}
        };

    GoogleMultipart.Body first = GoogleMultipart.body(google, log);
    GoogleMultipart.body(google, log);

    assertThat(new String(first.bytes(), StandardCharsets.UTF_8))
        .contains("name=\"doc\"; filename=\"a.txt\"");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("Multipart parts come from the invoker's getParts(), which keeps one part");
  }

  @Test
  void thePublicApisPartsBecomeABodyTheNeutralRequestReadsBackByteForByte() throws Exception {
    byte[] file = "\r\n--anyfn-not-a-boundary\r\n\0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, HttpPart> parts = new LinkedHashMap<>();
    parts.put("name", part(null, null, "René".getBytes(StandardCharsets.UTF_8)));
    parts.put("avatar", part("me \"1\".png", "image/png", file));

    GoogleMultipart.Body body = GoogleMultipart.write(GoogleMultipart.fromPublicApi(parts));
    HttpRequest neutral =
        HttpRequest.builder()
            .method("POST")
            .headers(Headers.builder().add("Content-Type", body.contentType()).build())
            .body(body.bytes())
            .build();

    assertThat(body.contentType()).startsWith("multipart/form-data; boundary=anyfn-");
    assertThat(neutral.form()).containsExactly(Map.entry("name", List.of("René")));
    var avatar = neutral.uploads().get("avatar").get(0);
    assertThat(avatar.filename()).isEqualTo("me \"1\".png");
    assertThat(avatar.contentType()).isEqualTo("image/png");
    assertThat(avatar.bytes()).isEqualTo(file);
  }
}
