package dev.anyfn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged SAM template checked by AWS's {@code cfn-lint}, which runs AWS's own SAM translator
 * ({@code samtranslator}) on it and then checks the CloudFormation that comes out against the
 * resource specifications: every property SAM and CloudFormation take, their types and the
 * references between resources, for the fixture's functions of every trigger kind. Skipped, saying
 * so, on a machine without {@code cfn-lint} on its PATH (it comes from PyPI, which the build does
 * not reach).
 */
class SamTemplateLintIT {
  private static final long TIMEOUT_SECONDS = 120;

  /** The output and exit value of one run of cfn-lint. */
  private record Lint(int exit, String output) {}

  private static Optional<Path> cfnLint() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "cfn-lint"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Lint lint(Path template) throws IOException, InterruptedException {
    Optional<Path> cfnLint = cfnLint();
    assumeTrue(cfnLint.isPresent(), "cfn-lint is not on the PATH: the template is not linted");
    Process p =
        new ProcessBuilder(cfnLint.get().toString(), "--format", "parseable", template.toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cfn-lint did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Lint(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void cfnLintFindsNothingToReportInThePackagedTemplate() throws Exception {
    Lint lint = lint(Packaged.samTemplate());

    assertThat(lint.output()).as("what cfn-lint reported").isBlank();
    assertThat(lint.exit()).isZero();
  }

  @Test
  void cfnLintReportsAPropertySamDoesNotTake(@TempDir Path dir) throws Exception {
    // the check above can fail: the same template with one property misspelled is refused
    String template = Files.readString(Packaged.samTemplate());
    assertThat(template).contains("      MemorySize: ");
    Path misspelled = dir.resolve("template.yaml");
    Files.writeString(misspelled, template.replaceFirst("MemorySize: ", "MemorySizes: "));

    Lint lint = lint(misspelled);

    assertThat(lint.exit()).isNotZero();
    assertThat(lint.output()).contains("MemorySizes");
  }
}
