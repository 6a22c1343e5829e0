package dev.anyfn.core;

/**
 * The deployment or configuration is wrong (a function name that does not exist, a class that is
 * missing from the artifact, two functions serving one route). Whoever deploys must act.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A configuration problem. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** A configuration problem with its cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
