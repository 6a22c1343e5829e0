package dev.anyfn.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed path template: literal segments, {@code {name}} parameters and a last {@code {name+}}.
 */
final class RouteTemplate implements Comparable<RouteTemplate> {
  private static final int LITERAL = 0;
  private static final int PARAM = 1;
  private static final int GREEDY = 2;

  private final String text;
  private final List<String> parts;
  private final int[] kinds;

  private RouteTemplate(String text, List<String> parts, int[] kinds) {
    this.text = text;
    this.parts = parts;
    this.kinds = kinds;
  }

  static RouteTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("Path template '" + template + "' must start with '/'.");
    }
    String body =
        template.length() > 1 && template.endsWith("/")
            ? template.substring(1, template.length() - 1)
            : template.substring(1);
    List<String> parts = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    if (!body.isEmpty()) {
      String[] raw = body.split("/", -1);
      for (int i = 0; i < raw.length; i++) {
        String s = raw[i];
        if (s.startsWith("{") && s.endsWith("+}") && i == raw.length - 1) {
          parts.add(s.substring(1, s.length() - 2));
          kinds.add(GREEDY);
        } else if (s.startsWith("{") && s.endsWith("}")) {
          parts.add(s.substring(1, s.length() - 1));
          kinds.add(PARAM);
        } else {
          parts.add(s);
          kinds.add(LITERAL);
        }
      }
    }
    return new RouteTemplate(
        template, List.copyOf(parts), kinds.stream().mapToInt(Integer::intValue).toArray());
  }

  String text() {
    return text;
  }

  /** The parameters bound by a match, or {@code null} when the segments do not match. */
  Map<String, String> match(List<String> segments) {
    int n = parts.size();
    boolean greedy = n > 0 && kinds[n - 1] == GREEDY;
    if (greedy ? segments.size() < n : segments.size() != n) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < n; i++) {
      switch (kinds[i]) {
        case LITERAL -> {
          if (!parts.get(i).equals(segments.get(i))) {
            return null;
          }
        }
        case PARAM -> {
          if (params == null) {
            params = new LinkedHashMap<>(4);
          }
          params.put(parts.get(i), segments.get(i));
        }
        default -> {
          if (params == null) {
            params = new LinkedHashMap<>(4);
          }
          params.put(parts.get(i), String.join("/", segments.subList(i, segments.size())));
        }
      }
    }
    return params == null ? Map.of() : params;
  }

  /**
   * More specific first: at the first differing position, literal before parameter before greedy.
   */
  @Override
  public int compareTo(RouteTemplate o) {
    int n = Math.min(kinds.length, o.kinds.length);
    for (int i = 0; i < n; i++) {
      if (kinds[i] != o.kinds[i]) {
        return Integer.compare(kinds[i], o.kinds[i]);
      }
    }
    int bySize = Integer.compare(o.kinds.length, kinds.length);
    return bySize != 0 ? bySize : text.compareTo(o.text);
  }
}
