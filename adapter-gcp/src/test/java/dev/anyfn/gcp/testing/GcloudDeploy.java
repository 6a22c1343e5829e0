package dev.anyfn.gcp.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code gcloud functions deploy <name> <args...>} exactly as gcloud received it, after the
 * shell's quoting and the script's variables. Immutable.
 *
 * @param name the deployment's name
 * @param args every argument after the name, in order
 */
public record GcloudDeploy(String name, List<String> args) {

  public GcloudDeploy {
    args = List.copyOf(args);
  }

  /** The value of {@code --flag value} or {@code --flag=value}, the first if given twice. */
  public Optional<String> flag(String flag) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(flag) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
      if (args.get(i).startsWith(flag + "=")) {
        return Optional.of(args.get(i).substring(flag.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** {@code --entry-point}: the class Google's invoker is started with as {@code --target}. */
  public String entryPoint() {
    return required("--entry-point");
  }

  /** {@code --source}: the directory gcloud uploads. */
  public Path source() {
    return Path.of(required("--source"));
  }

  /** {@code --set-env-vars}, split as gcloud splits it. */
  public Map<String, String> environment() {
    return parseEnvironment(required("--set-env-vars"));
  }

  /**
   * A {@code --set-env-vars} value as gcloud reads it: {@code K=V,K2=V2}, or with a chosen
   * delimiter {@code ^D^K=V D K2=V2} (see {@code gcloud topic escaping}). Keys keep their order.
   *
   * @throws IllegalArgumentException when a pair has no {@code =} or the delimiter form is open
   */
  public static Map<String, String> parseEnvironment(String spec) {
    String delimiter = ",";
    String pairs = spec;
    if (spec.startsWith("^")) {
      int end = spec.indexOf('^', 1);
      if (end < 0) {
        throw new IllegalArgumentException(
            "--set-env-vars '"
                + spec
                + "' opens a delimiter with '^' but never closes it; expected ^D^K=V...");
      }
      delimiter = spec.substring(1, end);
      pairs = spec.substring(end + 1);
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : pairs.split(Pattern.quote(delimiter))) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "--set-env-vars '"
                + spec
                + "' holds '"
                + pair
                + "', which is not KEY=VALUE; expected pairs separated by '"
                + delimiter
                + "'.");
      }
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return env;
  }

  private String required(String flag) {
    return flag(flag)
        .orElseThrow(
            () ->
                new AssertionError(
                    "The deployment "
                        + name
                        + " has no "
                        + flag
                        + "; its arguments are "
                        + args
                        + ". Expected the deploy.sh anyfn:package writes."));
  }
}
