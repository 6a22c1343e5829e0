package dev.anyfn.gcp;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Minimal in-memory implementations of Google's request and response interfaces, shaped like the
 * invoker's: case-insensitive headers, {@code getUri()} the full URL, {@code getPath()} decoded.
 */
final class FakeGoogleHttp {
  private FakeGoogleHttp() {}

  static final class Request implements HttpRequest {
    private final String method;
    private final String uri;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;
    private final long declaredLength;
    // the invoker builds a new header map on every getHeaders() (and getFirstHeader) call
    int headerMapsBuilt;
    int decodedPathReads;
    int bodyReads;

    Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
      this(method, target, headers, body, body.length);
    }

    Request(
        String method,
        String target,
        Map<String, List<String>> headers,
        byte[] body,
        long declaredLength) {
      this.method = method;
      this.uri = "http://localhost:8080" + target;
      this.headers.putAll(headers);
      this.body = body;
      this.declaredLength = declaredLength;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getUri() {
      return uri;
    }

    @Override
    public String getPath() {
      decodedPathReads++;
      String raw = HttpTranslator.rawPath(uri, "/");
      return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> getQuery() {
      int q = uri.indexOf('?');
      return q < 0 ? Optional.empty() : Optional.of(uri.substring(q + 1));
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
      throw new UnsupportedOperationException("the adapter parses the raw query itself");
    }

    @Override
    public Map<String, HttpPart> getParts() {
      throw new IllegalStateException("not multipart");
    }

    @Override
    public Optional<String> getContentType() {
      return getFirstHeader("Content-Type");
    }

    @Override
    public long getContentLength() {
      return declaredLength;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
      return Optional.empty();
    }

    @Override
    public InputStream getInputStream() {
      bodyReads++;
      return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      headerMapsBuilt++;
      Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      return copy;
    }
  }

  static final class Response implements HttpResponse {
    int status = 200;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void setStatusCode(int code) {
      status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
      status = code;
    }

    @Override
    public void setContentType(String contentType) {
      headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.ofNullable(headers.get("Content-Type")).map(l -> l.get(0));
    }

    @Override
    public void appendHeader(String header, String value) {
      headers.computeIfAbsent(header, k -> new ArrayList<>()).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public OutputStream getOutputStream() {
      return body;
    }

    @Override
    public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }

    String bodyText() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }
}
