package dev.anyfn.processor;

import java.util.List;
import java.util.Optional;

/**
 * A parsed, valid path template such as {@code /users/{id}}. The root {@code /} has no segments.
 *
 * @param path the template as written
 * @param segments its segments, in order
 */
record RouteTemplate(String path, List<Segment> segments) {
  RouteTemplate {
    segments = List.copyOf(segments);
  }

  /**
   * One segment: a literal, or a parameter (greedy when written {@code {name+}}).
   *
   * @param text the literal text, or the parameter name
   * @param parameter whether this is a parameter
   * @param greedy whether this parameter captures the rest of the path
   */
  record Segment(String text, boolean parameter, boolean greedy) {}

  List<String> parameterNames() {
    return segments.stream().filter(Segment::parameter).map(Segment::text).toList();
  }

  boolean declares(String name) {
    return parameterNames().contains(name);
  }

  Optional<String> greedyParameter() {
    return segments.stream().filter(Segment::greedy).map(Segment::text).findFirst();
  }

  /**
   * Whether both templates match the same requests: same length, and at each position both are
   * parameters of the same greediness or both the same literal.
   */
  boolean sameShapeAs(RouteTemplate other) {
    if (segments.size() != other.segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment a = segments.get(i);
      Segment b = other.segments.get(i);
      boolean same =
          a.parameter()
              ? b.parameter() && a.greedy() == b.greedy()
              : !b.parameter() && a.text().equals(b.text());
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
