package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Google's rules for the resource names written in annotations and passed to gcloud unchanged:
 * queue and topic names, those a function sends and publishes to included, are Pub/Sub topic IDs
 * ({@code --trigger-topic}, {@code gcloud pubsub topics create}), bucket names are Cloud Storage
 * bucket names, collection paths go into a Firestore path pattern. A name Google refuses would only
 * fail at deploy time, so it becomes a packaging problem instead. The topics anyfn derives for
 * schedules ({@code anyfn-<deployment>}) are valid by construction and not checked. Stateless.
 */
final class GoogleNames {
  private GoogleNames() {}

  private static final int TOPIC_MIN = 3;
  private static final int TOPIC_MAX = 255;
  private static final int BUCKET_MIN = 3;
  private static final int BUCKET_MAX = 63;
  private static final int DOTTED_BUCKET_MAX = 222;
  private static final int BUCKET_PART_MAX = 63;

  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

  /**
   * The packaging problem of {@code t}'s resource name, or empty when Google accepts it (or the
   * trigger has no name of its own).
   */
  static Optional<String> problem(FunctionSpec fn, TriggerSpec t) {
    if (t instanceof TriggerSpec.Queue q) {
      return problem(fn, "queue", q.name(), "Pub/Sub topic ID", topicId(q.name()), "@OnQueue");
    } else if (t instanceof TriggerSpec.Topic p) {
      return problem(fn, "topic", p.name(), "Pub/Sub topic ID", topicId(p.name()), "@OnTopic");
    } else if (t instanceof TriggerSpec.Storage s) {
      return problem(
          fn, "bucket", s.bucket(), "Cloud Storage bucket name", bucket(s.bucket()), "@OnStorage");
    } else if (t instanceof TriggerSpec.DataChange d) {
      return problem(
          fn,
          "collection",
          d.table(),
          "Firestore collection path",
          collection(d.table()),
          "@OnDataChange");
    }
    return Optional.empty();
  }

  /**
   * The packaging problem of a queue or topic ({@code kind}) that {@code fn} sends or publishes to
   * ({@code @SendsTo}), a Pub/Sub topic on Google either way, or empty when Google accepts its
   * name.
   */
  static Optional<String> sendsToProblem(FunctionSpec fn, String kind, String name) {
    return problem(fn, kind, name, "Pub/Sub topic ID", topicId(name), "@SendsTo");
  }

  private static Optional<String> problem(
      FunctionSpec fn,
      String what,
      String name,
      String kind,
      List<String> broken,
      String annotation) {
    if (broken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Function '"
            + fn.name()
            + "': "
            + what
            + " '"
            + name
            + "' is not a valid "
            + kind
            + ": "
            + String.join("; ", broken)
            + ". Rename it in "
            + annotation
            + ".");
  }

  /** The Pub/Sub topic ID rules {@code id} breaks, one clause each. */
  static List<String> topicId(String id) {
    List<String> broken = new ArrayList<>();
    if (id.length() < TOPIC_MIN || id.length() > TOPIC_MAX) {
      broken.add(
          "it has "
              + id.length()
              + " characters; Google expects "
              + TOPIC_MIN
              + " to "
              + TOPIC_MAX);
    }
    if (!id.isEmpty() && !asciiLetter(id.charAt(0))) {
      broken.add("it starts with " + shown(id.codePointAt(0)) + "; Google expects a letter first");
    }
    String bad = outside(id, "-._~%+", true);
    if (!bad.isEmpty()) {
      broken.add(
          "it contains "
              + bad
              + "; Google allows only letters, digits, '-', '.', '_', '~', '%' and '+'");
    }
    if (id.startsWith("goog")) {
      broken.add("it starts with 'goog', which Google reserves");
    }
    return broken;
  }

  /** The Cloud Storage bucket name rules {@code name} breaks, one clause each. */
  static List<String> bucket(String name) {
    List<String> broken = new ArrayList<>();
    boolean dotted = name.indexOf('.') >= 0;
    if (name.length() < BUCKET_MIN || name.length() > (dotted ? DOTTED_BUCKET_MAX : BUCKET_MAX)) {
      broken.add(
          "it has "
              + name.length()
              + " characters; Google expects "
              + BUCKET_MIN
              + " to "
              + BUCKET_MAX
              + ", or up to "
              + DOTTED_BUCKET_MAX
              + " when it contains dots");
    }
    for (String part : name.split("\\.", -1)) {
      if (dotted && part.length() > BUCKET_PART_MAX) {
        broken.add(
            "its dot-separated part '"
                + part
                + "' has "
                + part.length()
                + " characters; Google expects at most "
                + BUCKET_PART_MAX);
      }
    }
    String bad = outside(name, "-_.", false);
    if (!bad.isEmpty()) {
      broken.add(
          "it contains "
              + bad
              + "; Google allows only lowercase letters, digits, '-', '_' and '.'");
    }
    if (!name.isEmpty()
        && (!letterOrDigit(name.charAt(0)) || !letterOrDigit(name.charAt(name.length() - 1)))) {
      broken.add("Google expects it to start and end with a letter or digit");
    }
    if (IPV4.matcher(name).matches()) {
      broken.add("it is an IPv4 address, which Google refuses as a bucket name");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("goog")) {
      broken.add("it starts with 'goog', which Google reserves");
    }
    if (lower.contains("google")) {
      broken.add("it contains 'google', which Google refuses in bucket names");
    }
    return broken;
  }

  /**
   * What makes {@code path} clearly unusable as a Firestore collection path: empty, or an empty
   * segment. Anything else is left to Google.
   */
  static List<String> collection(String path) {
    if (path.isBlank()) {
      return List.of("it is empty; Google expects a collection such as 'users'");
    }
    if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      return List.of("it has an empty segment (a leading, trailing or doubled '/')");
    }
    return List.of();
  }

  /**
   * The distinct characters of {@code s} that are not lowercase ASCII letters, digits, upper case
   * ASCII letters (when allowed) or in {@code extra}, as a message shows them.
   */
  private static String outside(String s, String extra, boolean upperCaseAllowed) {
    List<String> found = new ArrayList<>();
    s.codePoints()
        .filter(
            c ->
                !(c >= 'a' && c <= 'z')
                    && !(upperCaseAllowed && c >= 'A' && c <= 'Z')
                    && !(c >= '0' && c <= '9')
                    && extra.indexOf(c) < 0)
        .distinct()
        .forEach(c -> found.add(shown(c)));
    return String.join(", ", found);
  }

  /** A character as a message shows it: quoted, or as its code point when it is invisible. */
  private static String shown(int c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
        ? String.format(Locale.ROOT, "U+%04X", c)
        : "'" + Character.toString(c) + "'";
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean letterOrDigit(char c) {
    return asciiLetter(c) || (c >= '0' && c <= '9');
  }
}
