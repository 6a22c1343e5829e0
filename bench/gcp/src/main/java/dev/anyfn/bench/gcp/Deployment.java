package dev.anyfn.bench.gcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the invoker is started with for one variant: a label, the entry point ({@code --target}),
 * the jar ({@code --classpath}) and the environment. Immutable.
 *
 * @param label how the report names the variant
 * @param target the entry point class
 * @param jar the deployed jar
 * @param environment what {@code --set-env-vars} sets
 */
record Deployment(String label, String target, Path jar, Map<String, String> environment) {

  Deployment {
    environment = Map.copyOf(environment);
  }

  /**
   * The deployment named {@code name} in a generated {@code deploy.sh}: its {@code --entry-point}
   * and {@code --set-env-vars}, unquoted as bash would, with the jar it uploads.
   *
   * @throws IOException when the script cannot be read
   * @throws IllegalArgumentException when the script has no such deployment or it lacks a flag
   */
  static Deployment fromDeployScript(String label, Path script, String name, Path jar)
      throws IOException {
    List<String> words = deployCommand(Files.readAllLines(script), script, name);
    String entryPoint = flag(words, "--entry-point", script, name);
    Map<String, String> env = environment(flag(words, "--set-env-vars", script, name));
    return new Deployment(label, entryPoint, jar, env);
  }

  private static List<String> deployCommand(List<String> lines, Path script, String name) {
    String start = "gcloud functions deploy " + quote(name);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(start + " \\")) {
        List<String> words = new ArrayList<>();
        for (int j = i + 1; j < lines.size(); j++) {
          String line = lines.get(j).trim();
          boolean continued = line.endsWith("\\");
          words.addAll(words(continued ? line.substring(0, line.length() - 1) : line));
          if (!continued) {
            break;
          }
        }
        return words;
      }
    }
    throw new IllegalArgumentException(
        script + " has no line '" + start + " \\'; expected the deploy.sh anyfn:package writes.");
  }

  private static String flag(List<String> words, String flag, Path script, String name) {
    int at = words.indexOf(flag);
    if (at < 0 || at + 1 >= words.size()) {
      throw new IllegalArgumentException(
          "The deployment '" + name + "' in " + script + " has no " + flag + " value: " + words);
    }
    return words.get(at + 1);
  }

  /** Splits one script line into words, undoing bash single quotes ({@code 'a'\''b'}). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code --set-env-vars} as gcloud reads it, including the {@code ^D^} delimiter form. */
  static Map<String, String> environment(String spec) {
    String delimiter = ",";
    if (spec.startsWith("^")) {
      int end = spec.indexOf('^', 1);
      delimiter = spec.substring(1, end);
      spec = spec.substring(end + 1);
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : spec.split(Pattern.quote(delimiter))) {
      int eq = pair.indexOf('=');
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return env;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
