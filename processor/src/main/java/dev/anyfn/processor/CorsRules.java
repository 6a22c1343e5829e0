package dev.anyfn.processor;

import dev.anyfn.Cors;
import dev.anyfn.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;

/**
 * Reads and checks a function's {@link Cors}: each origin as browsers send it, {@code "*"} alone
 * and never with credentials, header names that are tokens, a max age browsers honour, and at least
 * one route to apply to. What is wrong is reported on the class, saying how to write it.
 */
final class CorsRules {
  private static final Pattern ORIGIN =
      Pattern.compile(
          "https?://([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
              + "(:[0-9]{1,5})?");
  static final int MAX_AGE_SECONDS = 86_400;

  private final Reporter reporter;

  CorsRules(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The function's CORS settings as the index records them; empty without {@link Cors}. */
  Optional<Map<String, Object>> read(TypeElement type, String className, boolean hasRoutes) {
    Cors cors = type.getAnnotation(Cors.class);
    if (cors == null) {
      return Optional.empty();
    }
    String where = "@Cors on " + className;
    boolean ok = true;
    if (!hasRoutes) {
      ok = error(type, where + " has no effect: the class has no @Route. Remove @Cors.");
    }
    List<String> origins = List.of(cors.origins());
    if (origins.isEmpty()) {
      ok =
          error(
              type,
              where
                  + " lists no origins; expected e.g. origins = \"https://app.example.com\", or"
                  + " \"*\" for any origin.");
    }
    if (origins.contains("*")) {
      if (origins.size() > 1) {
        ok =
            error(
                type,
                where
                    + " lists \"*\" with other origins; \"*\" allows any origin: write it alone.");
      }
      if (cors.allowCredentials()) {
        ok =
            error(
                type,
                where
                    + " allows credentials from any origin (\"*\"), which browsers refuse. List"
                    + " the origins that may send credentials instead.");
      }
    }
    for (String origin : origins) {
      if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
        ok =
            error(
                type,
                where
                    + " has origin '"
                    + origin
                    + "'; expected scheme://host or scheme://host:port in lower case, with no"
                    + " path or trailing slash, as browsers send it"
                    + suggestion(origin)
                    + ".");
      }
    }
    ok &= tokens(type, where, "allowHeaders", cors.allowHeaders());
    ok &= tokens(type, where, "exposeHeaders", cors.exposeHeaders());
    if (cors.maxAgeSeconds() < 0 || cors.maxAgeSeconds() > MAX_AGE_SECONDS) {
      ok =
          error(
              type,
              where
                  + " has maxAgeSeconds "
                  + cors.maxAgeSeconds()
                  + "; expected 0 to "
                  + MAX_AGE_SECONDS
                  + " (browsers cap it there or lower).");
    }
    if (!ok) {
      return Optional.empty();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("origins", origins);
    json.put("allowHeaders", List.of(cors.allowHeaders()));
    json.put("exposeHeaders", List.of(cors.exposeHeaders()));
    json.put("allowCredentials", cors.allowCredentials());
    json.put("maxAgeSeconds", cors.maxAgeSeconds());
    return Optional.of(json);
  }

  private boolean tokens(TypeElement type, String where, String attribute, String[] names) {
    boolean ok = true;
    for (String name : names) {
      if (!isHeaderName(name)) {
        ok =
            error(
                type,
                where
                    + " has "
                    + attribute
                    + " entry '"
                    + name
                    + "'; expected a header name (letters, digits and !#$%&'*+.^_`|~-).");
      }
    }
    return ok;
  }

  /** Whether {@code name} is a header name by the rule the runtime's {@link Headers} applies. */
  static boolean isHeaderName(String name) {
    try {
      Headers.builder().add(name, "");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** ", e.g. https://app.example.com" for what looks like an origin written differently. */
  private static String suggestion(String origin) {
    String s = origin.strip().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme > 0) {
      int path = s.indexOf('/', scheme + 3);
      if (path > 0) {
        s = s.substring(0, path);
      }
    }
    return ORIGIN.matcher(s).matches() ? ", e.g. \"" + s + "\"" : "";
  }

  private boolean error(TypeElement type, String message) {
    reporter.error(type, message);
    return false;
  }
}
