package dev.anyfn.bench.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed request, as the Java worker would hand it over (header names in lower case), shared by
 * both sides of the benchmark. A plain implementation rather than a Mockito mock, whose invocation
 * recording would cost more than the code being measured. Immutable.
 */
final class BenchRequest implements HttpRequestMessage<Optional<byte[]>> {
  private final URI uri;
  private final HttpMethod method;
  private final Map<String, String> headers;
  private final Optional<byte[]> body;

  BenchRequest(HttpMethod method, String uri, Map<String, String> headers, byte[] body) {
    this.uri = URI.create(uri);
    this.method = method;
    this.headers = Map.copyOf(headers);
    this.body = Optional.ofNullable(body);
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return method;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return Map.of();
  }

  @Override
  public Optional<byte[]> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new BenchResponse.Builder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new BenchResponse.Builder(status);
  }
}
