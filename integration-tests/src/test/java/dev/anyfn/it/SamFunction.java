package dev.anyfn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code AWS::Serverless::Function} of a SAM template, with what Lambda would take from it: the
 * handler string, memory, environment and the code ({@code CodeUri}, resolved against the
 * template's directory as {@code sam deploy} resolves it).
 */
record SamFunction(
    String name, String handler, int memoryMb, Map<String, String> environment, Path code) {

  /** Every function of {@code template} deployed with its defaults, by {@code FunctionName}. */
  static Map<String, SamFunction> read(Path template) throws IOException {
    return read(template, "");
  }

  /**
   * Every function of {@code template} deployed with {@code NamePrefix=namePrefix}, by {@code
   * FunctionName}. The parameter is resolved as CloudFormation would, for the two forms the
   * template uses it in: {@code !Ref NamePrefix} and {@code !Sub '${NamePrefix}name'}.
   */
  static Map<String, SamFunction> read(Path template, String namePrefix) throws IOException {
    String yaml =
        Files.readString(template)
            .replace("!Ref NamePrefix", "'" + namePrefix + "'")
            .replace("!Sub '${NamePrefix}", "'" + namePrefix);
    JsonNode resources = new YAMLMapper().readTree(yaml).path("Resources");
    Map<String, SamFunction> functions = new LinkedHashMap<>();
    for (var resource : resources.properties()) {
      if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
        continue;
      }
      JsonNode p = resource.getValue().path("Properties");
      Map<String, String> env = new TreeMap<>();
      p.at("/Environment/Variables")
          .properties()
          .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
      SamFunction fn =
          new SamFunction(
              p.path("FunctionName").asText(),
              p.path("Handler").asText(),
              p.path("MemorySize").asInt(),
              Map.copyOf(env),
              template.getParent().resolve(p.path("CodeUri").asText()).normalize());
      functions.put(fn.name(), fn);
    }
    return functions;
  }

  /**
   * This function with the variables of {@code resolved} set as CloudFormation would resolve the
   * template's {@code !Ref} of a resource (the template's text holds the resource's logical id).
   *
   * @throws IllegalArgumentException when a variable does not hold {@code !Ref} of that resource
   */
  SamFunction withRef(String variable, String logicalId, String value) {
    if (!logicalId.equals(environment.get(variable))) {
      throw new IllegalArgumentException(
          variable + " is " + environment.get(variable) + ", not !Ref " + logicalId);
    }
    Map<String, String> env = new TreeMap<>(environment);
    env.put(variable, value);
    return new SamFunction(name, handler, memoryMb, Map.copyOf(env), code);
  }

  /** This function with more variables, as Lambda adds its own (credentials, endpoints). */
  SamFunction withVariables(Map<String, String> more) {
    Map<String, String> env = new TreeMap<>(environment);
    env.putAll(more);
    return new SamFunction(name, handler, memoryMb, Map.copyOf(env), code);
  }
}
