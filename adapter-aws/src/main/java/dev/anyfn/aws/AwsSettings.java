package dev.anyfn.aws;

import dev.anyfn.core.ConfigurationException;
import java.util.Map;

/**
 * What a Lambda learns from its environment, read once when the handler is constructed.
 *
 * @param functionName the anyfn function this Lambda serves, from {@value #FUNCTION_VARIABLE}
 * @param environment the whole environment, handed to the function's {@code InitContext}
 */
record AwsSettings(String functionName, Map<String, String> environment) {
  /** The variable the SAM template sets to the function's name. */
  static final String FUNCTION_VARIABLE = "ANYFN_FUNCTION";

  AwsSettings {
    environment = Map.copyOf(environment);
  }

  /**
   * Reads the settings.
   *
   * @throws ConfigurationException when {@value #FUNCTION_VARIABLE} is missing or blank
   */
  static AwsSettings from(Map<String, String> environment) {
    String name = environment.get(FUNCTION_VARIABLE);
    if (name == null || name.isBlank()) {
      throw new ConfigurationException(
          "The environment variable "
              + FUNCTION_VARIABLE
              + " is not set; it names the anyfn function this Lambda serves. Deploy with the"
              + " template.yaml written by anyfn:package, or set "
              + FUNCTION_VARIABLE
              + " in the function's environment.");
    }
    return new AwsSettings(name.strip(), environment);
  }
}
