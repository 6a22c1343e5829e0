package dev.anyfn.gcp;

/**
 * The quoting of {@code deploy.sh}: words for bash, in which the stage's prefix is the script's
 * {@code $PREFIX} and everything else is taken literally, and comment lines no name can end.
 * Stateless.
 */
final class BashWords {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  private BashWords() {}

  /** A comment line: control characters (a newline would end the comment) become '?'. */
  static String comment(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  /**
   * A word for bash in which each {@link GcpDeploymentPlan#NAME_PREFIX} becomes the script's {@code
   * $PREFIX}, and everything else is single-quoted.
   */
  static String word(String text) {
    StringBuilder b = new StringBuilder();
    int from = 0;
    for (int at = text.indexOf(NAME_PREFIX); at >= 0; at = text.indexOf(NAME_PREFIX, from)) {
      if (at > from) {
        b.append(quote(text.substring(from, at)));
      }
      b.append("\"${PREFIX}\"");
      from = at + NAME_PREFIX.length();
    }
    if (from < text.length() || b.length() == 0) {
      b.append(quote(text.substring(from)));
    }
    return b.toString();
  }

  /** Single-quotes a word for bash. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
