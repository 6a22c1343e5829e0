package dev.anyfn.gcp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Google starts a function: {@code java <jvm arguments> -jar <invoker jar> --port <port>
 * --target <entry point> --classpath <function class path>}, with the deployment's environment.
 * Immutable.
 *
 * @param invokerJar Google's {@code java-function-invoker} jar, run from itself as on Google
 * @param jvmArguments options for the invoker's JVM, e.g. {@link ChildJvm#SMALL}
 * @param target the entry point class ({@code --entry-point} of the deployment)
 * @param classpath the function's class path ({@code --source}'s jars on Google)
 * @param environment the deployment's {@code --set-env-vars}
 */
public record InvokerCommand(
    Path invokerJar,
    List<String> jvmArguments,
    String target,
    String classpath,
    Map<String, String> environment) {

  /**
   * @throws IllegalArgumentException when {@code invokerJar} is not a file
   */
  public InvokerCommand {
    if (!Files.isRegularFile(invokerJar)) {
      throw new IllegalArgumentException(
          "The invoker jar "
              + invokerJar
              + " is not a file; expected com.google.cloud.functions.invoker:"
              + "java-function-invoker's jar (the build resolves it with maven-dependency-plugin).");
    }
    jvmArguments = List.copyOf(jvmArguments);
    environment = Map.copyOf(environment);
  }

  /** The deployment's entry point and environment, with {@code classpath} as its code. */
  public static InvokerCommand of(
      Path invokerJar, List<String> jvmArguments, GcloudDeploy deployment, String classpath) {
    return new InvokerCommand(
        invokerJar, jvmArguments, deployment.entryPoint(), classpath, deployment.environment());
  }

  /** The same command with {@code name=value} added to (or replaced in) the environment. */
  public InvokerCommand withVariable(String name, String value) {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put(name, value);
    return new InvokerCommand(invokerJar, jvmArguments, target, classpath, env);
  }

  /** The arguments after {@code java}, serving on {@code port}. */
  public List<String> arguments(int port) {
    List<String> arguments = new ArrayList<>(jvmArguments);
    arguments.addAll(List.of("-jar", invokerJar.toString()));
    arguments.addAll(List.of("--port", Integer.toString(port)));
    arguments.addAll(List.of("--target", target));
    arguments.addAll(List.of("--classpath", classpath));
    return List.copyOf(arguments);
  }
}
