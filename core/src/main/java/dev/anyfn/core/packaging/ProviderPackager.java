package dev.anyfn.core.packaging;

import dev.anyfn.core.index.FunctionIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes one provider's deployment descriptors (SAM template, deploy script, Azure host.json) from
 * the function index, at build time. Each adapter ships one, registered in {@code
 * META-INF/services/dev.anyfn.core.packaging.ProviderPackager}; the anyfn Maven plugin finds them
 * with {@link java.util.ServiceLoader}. Not for user code.
 */
public interface ProviderPackager {
  /** The provider id: {@code aws}, {@code gcp} or {@code azure}. */
  String provider();

  /**
   * The Maven artifactId of the adapter this packager belongs to, e.g. {@code anyfn-adapter-aws}.
   */
  String adapterArtifactId();

  /**
   * The Maven groupIds of libraries a project declares only for this adapter, such as the AWS SDK
   * that sending needs on AWS; each is also the Java package its classes live in. The other
   * providers' jars leave out what the project declares of these groups, unless a class of the
   * project itself refers to that package or another dependency still needs the library. None by
   * default.
   */
  default Set<String> adapterOnlyGroups() {
    return Set.of();
  }

  /**
   * What this provider cannot deploy, one sentence per problem naming the function and the reason
   * (for example a cron expression the provider cannot express). Empty when all is deployable.
   */
  List<String> portabilityProblems(FunctionIndex index);

  /**
   * What deploys but will not behave as the function's settings suggest, one sentence per warning
   * naming the function (for example an HTTP timeout longer than the provider's front door waits).
   */
  default List<String> warnings(FunctionIndex index) {
    return List.of();
  }

  /**
   * What this provider cannot deploy about the environment variables every function gets ({@code
   * environment}, the plugin's {@code <environment>}), one sentence per problem naming the function
   * and the fix; empty when all is deployable.
   */
  default List<String> environmentProblems(FunctionIndex index, Map<String, String> environment) {
    return List.of();
  }

  /**
   * Why this provider cannot deploy its jar, which unzips to {@code uncompressedBytes} (for example
   * beyond a size limit), one sentence naming the fix; empty when it can.
   */
  default Optional<String> artifactProblem(long uncompressedBytes) {
    return Optional.empty();
  }

  /**
   * Why this provider has no Java runtime for classes that need {@code javaRelease} ({@link
   * JavaReleases}), one sentence naming the fix; empty when it has one.
   */
  default Optional<String> javaReleaseProblem(int javaRelease) {
    return Optional.empty();
  }

  /**
   * The command that deploys what {@link #writeDescriptors} wrote into {@code descriptors} (as the
   * user would type it, e.g. {@code target/anyfn/aws}), with how to deploy a stage beside others;
   * printed after packaging. Empty when there is nothing to say.
   */
  default Optional<String> deployCommand(String descriptors) {
    return Optional.empty();
  }

  /**
   * What the provider's jar lacks for these functions to run, as problems naming the dependency to
   * add; none by default. {@code hasClass} answers whether a class (binary name, {@code
   * com.example.Foo}) is in one of the runtime dependencies that go into this provider's jar.
   * Reported with the portability problems, before anything is written.
   */
  default List<String> classPathProblems(FunctionIndex index, Predicate<String> hasClass) {
    return List.of();
  }

  /**
   * Whether this provider's jar keeps {@code entryName} (a path such as {@code
   * com/example/Foo.class}) of one of the project's dependency jars. The adapter may drop what its
   * own dependencies bring but it never loads, for example generated event classes of services it
   * has no trigger for. Everything is kept by default.
   */
  default boolean keepsDependencyEntry(String entryName) {
    return true;
  }

  /**
   * Writes the descriptors into {@link PackagingContext#outputDirectory()}.
   *
   * @throws IOException when writing fails
   */
  void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException;
}
