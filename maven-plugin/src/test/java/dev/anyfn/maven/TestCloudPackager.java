package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** A packager registered in the test resources, proving discovery through ServiceLoader. */
public final class TestCloudPackager implements ProviderPackager {
  /** Used by ServiceLoader. */
  public TestCloudPackager() {}

  @Override
  public String provider() {
    return "test-cloud";
  }

  @Override
  public String adapterArtifactId() {
    return "anyfn-adapter-test-cloud";
  }

  @Override
  public List<String> portabilityProblems(FunctionIndex index) {
    return List.of();
  }

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    Files.writeString(
        context.outputDirectory().resolve("test-cloud.txt"),
        context.artifactId() + ": " + index.functions().size() + " functions");
  }
}
