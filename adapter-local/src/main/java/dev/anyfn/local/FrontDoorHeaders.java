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
    Headers folded = folded(profile, fields);
    return folded != null ? folded : reshaped(profile, asSent(fields));
  }

  /**
   * The fields reshaped in one pass, without first taking them into {@link Headers}; null when the
   * header model refuses one of them. Each name's values are checked joined, which is the same
   * check: the model checks a value character by character, so a joined value is refused exactly
   * when one of its values is, and the comma between them is allowed. A name is lower-cased in
   * ASCII only, which keeps a name that is no token no token ({@link String#toLowerCase} turns the
   * Kelvin sign into a {@code k}). AWS's {@code Cookie} values are checked as sent, before they are
   * split and trimmed (trimming drops control characters at a cookie's ends), then replaced by the
   * one {@code Cookie} header of their cookies.
   */
  private static Headers folded(Profile profile, HttpFields fields) {
    Map<String, StringBuilder> joined = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    boolean splitCookies = false;
    for (HttpField f : fields) {
      String lower = lowerCaseAscii(f.getName());
      String value = f.getValue() == null ? "" : f.getValue();
      StringBuilder values = joined.get(lower);
      if (values == null) {
        joined.put(lower, new StringBuilder(value));
      } else {
        values.append(',').append(value);
      }
      if (profile == Profile.AWS && lower.equals("cookie")) {
        splitCookies = true;
        addCookies(value, cookies);
      }
    }
    Headers.Builder headers = Headers.builder();
    try {
      joined.forEach((name, values) -> headers.add(name, values.toString()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (splitCookies) {
      headers.remove("cookie");
    }
    if (!cookies.isEmpty()) {
      headers.add("Cookie", String.join("; ", cookies));
    }
    return headers.build();
  }

  /**
   * {@code sent} reshaped, value by value: the way for fields of which the model refused some,
   * which {@link #asSent} has dropped.
   */
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

  /** {@code name} with ASCII letters in lower case, every other character kept. */
  private static String lowerCaseAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = name.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] += 'a' - 'A';
          }
        }
        return new String(chars);
      }
    }
    return name;
  }
}
