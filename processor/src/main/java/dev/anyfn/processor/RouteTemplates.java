package dev.anyfn.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code @Route} path templates. */
final class RouteTemplates {
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final String FORBIDDEN = "?#{}";

  private RouteTemplates() {}

  /**
   * Parses a template.
   *
   * @throws SyntaxProblem saying what is wrong with it
   */
  static RouteTemplate parse(String path) throws SyntaxProblem {
    if (!path.startsWith("/")) {
      throw new SyntaxProblem("it does not start with '/'");
    }
    if (path.equals("/")) {
      return new RouteTemplate(path, List.of());
    }
    String[] texts = path.substring(1).split("/", -1);
    List<RouteTemplate.Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < texts.length; i++) {
      boolean last = i == texts.length - 1;
      RouteTemplate.Segment segment = segment(texts[i], last, path);
      if (segment.parameter() && !names.add(segment.text())) {
        throw new SyntaxProblem("parameter {" + segment.text() + "} appears twice");
      }
      segments.add(segment);
    }
    return new RouteTemplate(path, segments);
  }

  private static RouteTemplate.Segment segment(String text, boolean last, String path)
      throws SyntaxProblem {
    if (text.isEmpty()) {
      throw new SyntaxProblem(
          last
              ? "it ends with '/' (trailing slashes are not significant, so write '"
                  + path.substring(0, path.length() - 1)
                  + "')"
              : "it has an empty segment between two '/'");
    }
    if (text.startsWith("{") && text.endsWith("}")) {
      String inner = text.substring(1, text.length() - 1);
      boolean greedy = inner.endsWith("+");
      String name = greedy ? inner.substring(0, inner.length() - 1) : inner;
      if (!PARAMETER_NAME.matcher(name).matches()) {
        throw new SyntaxProblem(
            "parameter '"
                + text
                + "' has an invalid name; a name is a letter followed by letters, digits or '_'");
      }
      if (greedy && !last) {
        throw new SyntaxProblem("the greedy parameter '" + text + "' is not the last segment");
      }
      return new RouteTemplate.Segment(name, true, greedy);
    }
    if (text.equals(".") || text.equals("..")) {
      throw new SyntaxProblem(
          "segment '"
              + text
              + "' can never match: requests with '.' or '..' segments are refused as path"
              + " traversal");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        throw new SyntaxProblem(
            "segment '" + text + "' contains '" + c + "' and is neither a literal nor a {name}");
      }
      if (c == '%'
          && i + 2 < text.length()
          && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        throw new SyntaxProblem(
            "segment '"
                + text
                + "' contains the escape '"
                + text.substring(i, i + 3)
                + "': paths are matched after percent-decoding, so a literal segment is written"
                + " decoded (write 'a b' for a request to /a%20b)");
      }
      if (c == '\\' || Character.isISOControl(c)) {
        throw new SyntaxProblem(
            "segment '"
                + text.replaceAll("\\p{Cntrl}", "?")
                + "' contains "
                + (c == '\\' ? "'\\'" : String.format("control character U+%04X", (int) c))
                + ", which no request path can carry (backslashes and NUL are refused as path"
                + " traversal); remove it");
      }
    }
    return new RouteTemplate.Segment(text, false, false);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
