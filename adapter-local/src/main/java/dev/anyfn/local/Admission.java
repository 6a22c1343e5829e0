package dev.anyfn.local;

import dev.anyfn.HttpResponse;
import dev.anyfn.core.Problems;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may call the emulator, and with a request of what size, decided from the request line and
 * headers before any body is read: the {@code Host} check against DNS rebinding, the control API's
 * refusal of remote clients and of web pages of other origins, and the URI and header limits (414,
 * 431). Immutable; thread-safe.
 */
final class Admission {
  static final int MAX_URI_CHARS = 8 * 1024;
  static final int MAX_HEADERS = 100;
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final Set<String> LOOPBACK_NAMES =
      Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final String boundHost;
  private final boolean checkHost;
  private final IntSupplier localPort;

  /**
   * @param boundHost the address the server binds, as configured
   * @param localPort the port it listens on once bound
   */
  Admission(String boundHost, IntSupplier localPort) {
    this.boundHost = boundHost;
    this.checkHost = !isWildcard(boundHost);
    this.localPort = localPort;
  }

  /** The answer that refuses this request, or null when it may go on to its body. */
  HttpResponse refusal(Request request, String requestId) {
    HttpFields headers = request.getHeaders();
    if (checkHost && !hostAllowed(headers.get(HttpHeader.HOST))) {
      return Problems.response(
          403,
          "host_not_allowed",
          "The Host header names neither localhost nor a loopback address (DNS rebinding"
              + " protection). Call the emulator as localhost or 127.0.0.1.",
          requestId);
    }
    String path = request.getHttpURI().getPath();
    if (path != null && path.startsWith(HttpFrontDoor.CONTROL_PREFIX)) {
      HttpResponse refused = controlRefusal(request, requestId);
      if (refused != null) {
        return refused;
      }
    }
    String query = request.getHttpURI().getQuery();
    int uriChars = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
    if (uriChars > MAX_URI_CHARS) {
      return Problems.response(
          414,
          "uri_too_long",
          "The URI has " + uriChars + " characters; the limit is " + MAX_URI_CHARS + ".",
          requestId);
    }
    if (headers.size() > MAX_HEADERS) {
      return Problems.response(
          431,
          "too_many_headers",
          "The request has " + headers.size() + " headers; the limit is " + MAX_HEADERS + ".",
          requestId);
    }
    int bytes = 0;
    for (HttpField f : headers) {
      bytes += f.getName().length() + (f.getValue() == null ? 0 : f.getValue().length()) + 4;
    }
    if (bytes > MAX_HEADER_BYTES) {
      return Problems.response(
          431,
          "headers_too_large",
          "The headers have " + bytes + " bytes; the limit is " + MAX_HEADER_BYTES + ".",
          requestId);
    }
    return null;
  }

  private HttpResponse controlRefusal(Request request, String requestId) {
    if (!fromLoopback(request)) {
      return Problems.response(
          403, "forbidden", "The control API answers loopback clients only.", requestId);
    }
    String crossSite = crossSite(request.getHeaders());
    if (crossSite == null) {
      return null;
    }
    return Problems.response(
        403,
        "cross_site_refused",
        "The control API does not answer web pages of other sites: the request carries "
            + crossSite
            + ", expected none (curl, SDKs and test clients send none) or this emulator's own"
            + " origin "
            + origin(boundHost, localPort.getAsInt())
            + ". A page you visit cannot inject events or invoke functions here.",
        requestId);
  }

  private boolean hostAllowed(String host) {
    if (host == null) {
      return true; // HTTP/1.0 without Host: nothing to rebind
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(0, end + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return LOOPBACK_NAMES.contains(name)
        || name.endsWith(".localhost")
        || name.equals(boundHost.toLowerCase(Locale.ROOT));
  }

  /**
   * What marks a request as sent by a browser for a page of another origin, or null. Browsers add
   * {@code Origin} to every cross-origin POST, including the "simple" ones they send without a CORS
   * preflight, and {@code Sec-Fetch-Site} to every request; tools send neither. Without this, any
   * page open in the developer's browser could post events to the loopback-only control API.
   */
  private String crossSite(HttpFields headers) {
    String origin = headers.get(HttpHeader.ORIGIN);
    if (origin != null && !isOwnOrigin(origin)) {
      return "Origin '" + origin + "'";
    }
    String site = headers.get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return "Sec-Fetch-Site '" + site + "'";
    }
    return null;
  }

  /** Whether {@code origin} is this emulator: http, a loopback name or the bound host, its port. */
  private boolean isOwnOrigin(String origin) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false; // "null" from sandboxed frames and file: pages parses; garbage does not
    }
    String host = uri.getHost();
    return "http".equalsIgnoreCase(uri.getScheme())
        && host != null
        && uri.getPort() == localPort.getAsInt()
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
        && (LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT))
            || host.equalsIgnoreCase(boundHost));
  }

  private static boolean fromLoopback(Request request) {
    try {
      return InetAddress.getByName(Request.getRemoteAddr(request)).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether {@code host} names this machine's loopback interface. */
  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The origin clients call the emulator at ({@code http://host:port}): the bound host, in brackets
   * when it is an IPv6 address, or 127.0.0.1 when every interface is bound.
   */
  static String origin(String boundHost, int port) {
    String host = boundHost.contains(":") ? "[" + boundHost + "]" : boundHost;
    return "http://" + (isWildcard(boundHost) ? "127.0.0.1" : host) + ":" + port;
  }

  /** Whether {@code host} binds every interface. */
  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }
}
