package dev.anyfn.it;

import dev.anyfn.aws.RuntimeApiServer;
import dev.anyfn.aws.RuntimeApiServer.Posted;
import dev.anyfn.gcp.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the SAM template running as Lambda runs it: AWS's runtime interface client in a
 * child JVM whose class path is the deployed jar plus the client and its own dependencies (nothing
 * of anyfn or of the function comes from anywhere but the jar), the template's handler string as
 * the argument, its memory and environment, polling a {@link RuntimeApiServer} of its own. The
 * working directory, which the client also searches for customer classes, is an empty directory.
 *
 * <p>The client unpacks its native library to the fixed path {@code /tmp/.libaws-lambda-jni.so}, so
 * two clients starting at once on one machine (as here, and as any other build running the client)
 * overwrite each other's copy and crash; each child gets its own copy through the client's {@code
 * ...NativeClient.JNI} system property instead.
 */
final class LambdaUnderRuntimeClient implements AutoCloseable {
  private static final long ANSWER_SECONDS = 60;
  private static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  static final String TRACE = "Root=1-67890abc-def012345678901234567890;Parent=53995c3f;Sampled=1";

  private final RuntimeApiServer api;
  private final ChildJvm child;
  private int invocations;

  private LambdaUnderRuntimeClient(RuntimeApiServer api, ChildJvm child) {
    this.api = api;
    this.child = child;
  }

  static LambdaUnderRuntimeClient start(SamFunction fn, Path directory) throws Exception {
    RuntimeApiServer api = new RuntimeApiServer();
    Map<String, String> env = new HashMap<>(fn.environment());
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("AWS_LAMBDA_FUNCTION_NAME", fn.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memoryMb()));
    env.put("AWS_REGION", "eu-west-1");
    String classpath = fn.code() + File.pathSeparator + Packaged.runtimeInterfaceClientClasspath();
    Path home = Files.createDirectories(directory.resolve(fn.name()));
    Path jni = unpackNativeLibrary(home);
    ChildJvm child =
        ChildJvm.start(
            "lambda-" + fn.name(),
            arguments(
                "-D" + JNI_PROPERTY + "=" + jni,
                "-cp",
                classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                fn.handler()),
            env,
            home);
    return new LambdaUnderRuntimeClient(api, child);
  }

  /** {@link ChildJvm#SMALL}, then {@code rest}. */
  private static List<String> arguments(String... rest) {
    List<String> arguments = new ArrayList<>(ChildJvm.SMALL);
    arguments.addAll(List.of(rest));
    return arguments;
  }

  private static Path unpackNativeLibrary(Path directory) throws IOException {
    String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
    String resource = "jni/libaws-lambda-jni.linux-" + arch + ".so";
    Path library = directory.resolve("libaws-lambda-jni.so");
    try (InputStream in =
        LambdaUnderRuntimeClient.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource
                + " is not on the test class path; expected it in"
                + " com.amazonaws:aws-lambda-java-runtime-interface-client (a test dependency).");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    return library;
  }

  /**
   * Hands {@code event} to the runtime and waits for what it posts back; fails at once, with the
   * child's output, if the child has died.
   */
  Posted invoke(byte[] event) throws Exception {
    String id = child.name() + "-" + ++invocations;
    CompletableFuture<Posted> answer = api.enqueue(id, event, 20_000, TRACE);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
    while (System.nanoTime() < end) {
      try {
        return answer.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (!child.isAlive()) {
          throw new AssertionError(
              child.name() + " died before answering " + id + ".\n" + child.outputTail());
        }
      }
    }
    throw new AssertionError(
        "No answer to "
            + id
            + " within "
            + ANSWER_SECONDS
            + " s. Init error: "
            + api.initError.getNow("none")
            + "\n"
            + child.outputTail());
  }

  String output() {
    return child.outputTail();
  }

  @Override
  public void close() {
    child.close();
    api.close();
  }
}
