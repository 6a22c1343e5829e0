package dev.anyfn.core;

import java.util.Map;

/**
 * The names of cloud resources as the annotations give them (logical) and as a deployment made them
 * (physical): a deployment may put a prefix before every name it creates, so that stages such as
 * {@code dev-} and {@code prod-} can share an account or project, and so that globally unique names
 * (S3 and Cloud Storage buckets) do not clash. The prefix reaches a function in the environment
 * variable {@value #PREFIX_VARIABLE}; adapters hand handlers the logical name, so that {@code
 * message.queue()} is {@code orders} in every stage, as on the emulator. Immutable.
 */
public final class ResourceNames {
  /** The environment variable that holds the prefix; unset or empty means none. */
  public static final String PREFIX_VARIABLE = "ANYFN_NAME_PREFIX";

  /**
   * What a deployment accepts as a prefix, one rule for every provider so that one prefix serves
   * all (S3 and Cloud Storage take lower case only; Google's names start with a letter): a regular
   * expression that both CloudFormation and bash's {@code =~} read alike.
   */
  public static final String PREFIX_PATTERN = "^([a-z][a-z0-9-]*)?$";

  /** {@link #PREFIX_PATTERN} in words, for messages. */
  public static final String PREFIX_RULE =
      "lower-case letters, digits and hyphens, starting with a letter";

  /** Names used as they are. */
  public static final ResourceNames NONE = new ResourceNames("");

  private final String prefix;

  private ResourceNames(String prefix) {
    this.prefix = prefix;
  }

  /** The names of a deployment whose prefix is {@code prefix} (empty for none). */
  public static ResourceNames withPrefix(String prefix) {
    return prefix == null || prefix.isEmpty() ? NONE : new ResourceNames(prefix);
  }

  /** The names of the deployment this environment belongs to. */
  public static ResourceNames fromEnvironment(Map<String, String> environment) {
    return withPrefix(environment.get(PREFIX_VARIABLE));
  }

  /** The prefix; empty for none. */
  public String prefix() {
    return prefix;
  }

  /**
   * The logical name of a resource the provider names: the name without this deployment's prefix. A
   * name without the prefix (a resource the deployment did not create) is returned as it is.
   */
  public String logical(String physical) {
    if (prefix.isEmpty() || physical == null || !physical.startsWith(prefix)) {
      return physical;
    }
    String name = physical.substring(prefix.length());
    return name.isEmpty() ? physical : name;
  }

  /**
   * Why {@code environment}, the variables a build gives every function, cannot be used: it sets
   * {@value #PREFIX_VARIABLE}, which the deployment sets from its own prefix ({@code how} says
   * where that is chosen).
   */
  public static java.util.Optional<String> environmentProblem(
      Map<String, String> environment, String how) {
    if (!environment.containsKey(PREFIX_VARIABLE)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "<environment> sets "
            + PREFIX_VARIABLE
            + ", which the deployment sets itself from the stage's name prefix. Remove it, and "
            + how
            + ".");
  }

  @Override
  public String toString() {
    return prefix.isEmpty() ? "no name prefix" : "name prefix '" + prefix + "'";
  }
}
