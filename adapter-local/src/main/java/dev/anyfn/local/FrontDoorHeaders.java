package dev.anyfn.local;

import dev.anyfn.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * A routed request's headers as the profile's cloud hands them to a function, so that code which
 * reads names as spelled ({@link Headers#names()}, {@link Headers#asMap()}) or counts a repeated
 * header's values sees locally what it sees deployed:
 *
 * <ul>
 *   <li>AWS: the HTTP API's payload format 2.0 lower-cases every name, joins a repeated header's
 *       values with commas, and moves {@code Cookie} into its {@code cookies} array, which the AWS
 *       adapter puts back last as one {@code Cookie} header, the cookies joined with {@code "; "}
 *       ({@code shared/reference/PROVIDERS.md} §2.1; adapter-aws {@code HttpApiEvent}).
 *   <li>Azure: the Functions host passes names in lower case and one value per name, a map ({@code
 *       PROVIDERS.md} §4.3); a repeated header's values arrive joined with commas.
 *   <li>Google: the invoker passes the headers as the server received them, as the emulator does.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class FrontDoorHeaders {
  private FrontDoorHeaders() {}

  /**
   * The headers as the server received them, as Google's invoker and the control API take them: a
   * field the header model refuses (a name that is no RFC 9110 token, a control character in the
   * value) is dropped rather than failing the request; a field without a value has the empty one.
   */
  static Headers asSent(HttpFields fields) {
    Headers.Builder h = Headers.builder();
    for (HttpField f : fields) {
      try {
        h.add(f.getName(), f.getValue() == null ? "" : f.getValue());
      } catch (IllegalArgumentException e) {
        // A header our model refuses (control characters) is dropped rather than failing the call.
      }
    }
    return h.build();
  }

  /**
   * The fields as {@code profile}'s cloud hands them to a function. A field the header model
   * refuses is dropped alone, as {@link #asSent} drops it, and the other values of its name are
   * still joined.
   */
  static Headers of(Profile profile, HttpFields fields) {
    if (profile == Profile.GCP) {
      return asSent(fields);
    }
    return reshaped(profile, asSent(fields));
  }

  /** {@code sent} (which {@link #asSent} made) reshaped, value by value. */
  private static Headers reshaped(Profile profile, Headers sent) {
    if (sent.isEmpty()) {
      return sent;
    }
    Map<String, StringBuilder> joined = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    sent.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (profile == Profile.AWS && lower.equals("cookie")) {
            addCookies(value, cookies);
            return;
          }
          StringBuilder values = joined.get(lower);
          if (values == null) {
            joined.put(lower, new StringBuilder(value));
          } else {
            values.append(',').append(value);
          }
        });
    Headers.Builder headers = Headers.builder();
    joined.forEach((name, values) -> headers.add(name, values.toString()));
    if (!cookies.isEmpty()) {
      headers.add("Cookie", String.join("; ", cookies));
    }
    return headers.build();
  }

  /**
   * Adds the cookies of one {@code Cookie} value, trimmed, to {@code cookies}; blank ones skipped.
   */
  private static void addCookies(String value, List<String> cookies) {
    for (String cookie : value.split(";")) {
      if (!cookie.isBlank()) {
        cookies.add(cookie.trim());
      }
    }
  }
}
