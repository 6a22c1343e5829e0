package dev.anyfn.azure;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.TraceContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Mockito mocks of Azure's request and context, as Microsoft documents testing Java functions, a
 * real {@link HttpResponseMessage.Builder} and a plain {@link OutputBinding}.
 */
final class AzureMocks {
  private AzureMocks() {}

  @SuppressWarnings("unchecked")
  static HttpRequestMessage<Optional<byte[]>> request(
      String method, String url, Map<String, String> headers, byte[] body) {
    HttpRequestMessage<Optional<byte[]>> r = mock(HttpRequestMessage.class);
    when(r.getHttpMethod()).thenReturn(HttpMethod.valueOf(method));
    when(r.getUri()).thenReturn(URI.create(url));
    when(r.getHeaders()).thenReturn(headers);
    when(r.getBody()).thenReturn(Optional.ofNullable(body));
    when(r.createResponseBuilder(any(HttpStatusType.class)))
        .thenAnswer(inv -> new Response.Builder(inv.getArgument(0)));
    when(r.createResponseBuilder(any(HttpStatus.class)))
        .thenAnswer(inv -> new Response.Builder(inv.getArgument(0)));
    return r;
  }

  /** A context whose logger keeps what it was given. */
  static ExecutionContext context(String invocationId, List<String> log) {
    return context(invocationId, log, new ArrayList<>());
  }

  /** A context whose logger keeps what it was given, and at which level, as the host would. */
  static ExecutionContext context(String invocationId, List<String> log, List<Level> levels) {
    ExecutionContext c = mock(ExecutionContext.class);
    Logger logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            log.add(record.getMessage());
            levels.add(record.getLevel());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    TraceContext trace = mock(TraceContext.class);
    when(trace.getTraceparent())
        .thenReturn("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    when(c.getLogger()).thenReturn(logger);
    when(c.getInvocationId()).thenReturn(invocationId);
    when(c.getFunctionName()).thenReturn("azure-name");
    when(c.getTraceContext()).thenReturn(trace);
    return c;
  }

  static ExecutionContext context(String invocationId) {
    return context(invocationId, new ArrayList<>());
  }

  /** An output binding holding its value, as the worker's does; null until set. */
  static final class Output<T> implements OutputBinding<T> {
    private T value;

    @Override
    public T getValue() {
      return value;
    }

    @Override
    public void setValue(T value) {
      this.value = value;
    }
  }

  /** A real response, as the worker's would be. */
  record Response(HttpStatusType status, Map<String, String> headers, Object body)
      implements HttpResponseMessage {
    @Override
    public HttpStatusType getStatus() {
      return status;
    }

    @Override
    public String getHeader(String key) {
      return headers.get(key);
    }

    @Override
    public Object getBody() {
      return body;
    }

    byte[] bytes() {
      return body == null ? new byte[0] : (byte[]) body;
    }

    String text() {
      return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static final class Builder implements HttpResponseMessage.Builder {
      private HttpStatusType status;
      private final Map<String, String> headers = new LinkedHashMap<>();
      private Object body;

      Builder(HttpStatusType status) {
        this.status = status;
      }

      @Override
      public HttpResponseMessage.Builder status(HttpStatusType status) {
        this.status = status;
        return this;
      }

      @Override
      public HttpResponseMessage.Builder header(String key, String value) {
        headers.put(key, value);
        return this;
      }

      @Override
      public HttpResponseMessage.Builder body(Object body) {
        this.body = body;
        return this;
      }

      @Override
      public HttpResponseMessage build() {
        return new Response(status, Map.copyOf(headers), body);
      }
    }
  }
}
