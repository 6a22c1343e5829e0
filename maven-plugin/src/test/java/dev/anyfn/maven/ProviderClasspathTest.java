package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderClasspathTest {
  private static final Set<String> SDK = Set.of("software.amazon.awssdk");

  @TempDir Path dir;

  private static final OtherProviders NOT_AWS =
      OtherProviders.than("aws", Set.of("anyfn-adapter-gcp", "anyfn-adapter-azure"));
  private static final OtherProviders NOT_GCP =
      OtherProviders.than("gcp", Set.of("anyfn-adapter-aws", "anyfn-adapter-azure"));

  @Test
  void otherAdaptersAndWhatOnlyTheyPullInAreNotReachable() {
    DefaultDependencyNode root = node("com.example:shop:1", "compile");
    DefaultDependencyNode core = node("dev.anyfn:anyfn-core:1", "compile");
    core.setChildren(List.of(node("com.fasterxml.jackson.core:jackson-databind:2", "compile")));
    DefaultDependencyNode aws = node("dev.anyfn:anyfn-adapter-aws:1", "compile");
    aws.setChildren(List.of(node("com.amazonaws:aws-lambda-java-core:1", "compile")));
    DefaultDependencyNode gcp = node("dev.anyfn:anyfn-adapter-gcp:1", "compile");
    gcp.setChildren(List.of(node("com.google.cloud.functions:functions-framework-api:2", "")));
    root.setChildren(List.of(core, aws, gcp, node("org.junit.jupiter:junit-jupiter:5", "test")));

    assertThat(ProviderClasspath.reachable(root, NOT_AWS))
        .containsExactlyInAnyOrder(
            "dev.anyfn:anyfn-core",
            "com.fasterxml.jackson.core:jackson-databind",
            "dev.anyfn:anyfn-adapter-aws",
            "com.amazonaws:aws-lambda-java-core");
  }

  @Test
  void aFunctionModulesAwsJarsAreLeftOutOfTheGoogleJarAndItsOwnLibrariesStay() {
    DefaultDependencyNode root = node("com.acme:app:1", "compile");
    DefaultDependencyNode functions = node("com.acme:order-functions:1", "compile");
    DefaultDependencyNode aws = node("dev.anyfn:anyfn-adapter-aws:1", "compile");
    aws.setChildren(List.of(node("com.amazonaws:aws-lambda-java-core:1", "compile")));
    DefaultDependencyNode ric =
        node("com.amazonaws:aws-lambda-java-runtime-interface-client:2", "compile");
    ric.setChildren(List.of(node("com.amazonaws:aws-lambda-java-serialization:1", "compile")));
    DefaultDependencyNode s3 = node("software.amazon.awssdk:s3:2", "compile");
    s3.setChildren(List.of(node("software.amazon.awssdk:aws-core:2", "compile")));
    functions.setChildren(
        List.of(
            aws,
            node("com.amazonaws:aws-lambda-java-events:3", "compile"),
            ric,
            s3,
            node("com.amazonaws:aws-java-sdk-dynamodb:1", "compile"),
            node("com.microsoft.azure.functions:azure-functions-java-library:3", "compile")));
    root.setChildren(List.of(functions, node("dev.anyfn:anyfn-adapter-gcp:1", "compile")));

    assertThat(ProviderClasspath.reachable(root, NOT_GCP))
        .containsExactlyInAnyOrder(
            "com.acme:order-functions",
            "software.amazon.awssdk:s3",
            "software.amazon.awssdk:aws-core",
            "com.amazonaws:aws-java-sdk-dynamodb",
            "dev.anyfn:anyfn-adapter-gcp");
    assertThat(ProviderClasspath.reachable(root, NOT_AWS))
        .contains(
            "dev.anyfn:anyfn-adapter-aws",
            "com.amazonaws:aws-lambda-java-core",
            "com.amazonaws:aws-lambda-java-events",
            "com.amazonaws:aws-lambda-java-runtime-interface-client",
            "com.amazonaws:aws-lambda-java-serialization")
        .doesNotContain(
            "dev.anyfn:anyfn-adapter-gcp",
            "com.microsoft.azure.functions:azure-functions-java-library");
  }

  @Test
  void eachProvidersRuntimeLibrariesBelongOnlyInItsOwnArtifact() {
    OtherProviders notAzure = OtherProviders.than("azure", Set.of());

    assertThat(NOT_GCP.own("com.amazonaws", "aws-lambda-java-events")).isTrue();
    assertThat(NOT_AWS.own("com.amazonaws", "aws-lambda-java-events")).isFalse();
    assertThat(NOT_AWS.own("com.google.cloud.functions", "functions-framework-api")).isTrue();
    assertThat(NOT_AWS.own("com.google.cloud.functions.invoker", "java-function-invoker")).isTrue();
    assertThat(NOT_AWS.own("com.google.cloud", "google-cloudevent-types")).isTrue();
    assertThat(notAzure.own("com.google.cloud", "google-cloudevent-types")).isTrue();
    assertThat(NOT_GCP.own("com.google.cloud", "google-cloudevent-types")).isFalse();
    assertThat(NOT_AWS.own("com.microsoft.azure.functions", "azure-functions-java-library"))
        .isTrue();
    assertThat(notAzure.own("com.microsoft.azure.functions", "azure-functions-java-library"))
        .isFalse();
    // libraries a function calls itself ship on every cloud
    assertThat(NOT_AWS.own("com.amazonaws", "aws-java-sdk-s3")).isFalse();
    assertThat(NOT_GCP.own("software.amazon.awssdk", "s3")).isFalse();
    assertThat(NOT_AWS.own("com.google.cloud", "google-cloud-storage")).isFalse();
    assertThat(NOT_AWS.own("com.microsoft.azure", "azure-storage")).isFalse();
    assertThat(NOT_AWS.own("dev.anyfn", "anyfn-core")).isFalse();
  }

  @Test
  void anAwsSdkThatAFunctionModuleDeclaresOnlyForTheAwsAdapterIsReferencedByNothingPackaged()
      throws IOException {
    List<Artifact> kept =
        List.of(
            jar("com.acme", "order-functions", "com/acme/orders/Orders.class", "dev/anyfn/Context"),
            jar("software.amazon.awssdk", "sqs", "software/amazon/awssdk/services/sqs/A.class", ""),
            jar("dev.anyfn", "anyfn-core", "dev/anyfn/core/Runtime.class", "java/lang/Object"));

    assertThat(ProviderClasspath.unreferenced(kept, SDK, dir.resolve("classes"))).isEqualTo(SDK);
    assertThat(
            ProviderClasspath.unreferenced(
                kept, Set.of("software.amazon.awssdk", "com.azure"), dir.resolve("classes")))
        .as("only the groups of jars the package holds")
        .isEqualTo(SDK);
  }

  @Test
  void anAwsSdkThatAModuleCallsStaysInEveryPackage() throws IOException {
    List<Artifact> kept =
        List.of(
            jar("com.acme", "order-functions", "com/acme/orders/Orders.class", "dev/anyfn/Context"),
            jar(
                "com.acme",
                "receipts",
                "com/acme/receipts/Archive.class",
                "software/amazon/awssdk/services/s3/S3Client"),
            jar("software.amazon.awssdk", "s3", "software/amazon/awssdk/services/s3/A.class", ""));

    assertThat(ProviderClasspath.unreferenced(kept, SDK, dir.resolve("classes"))).isEmpty();
  }

  @Test
  void anAwsSdkTheProjectsOwnClassesCallStays() throws IOException {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("com/acme"));
    Files.writeString(classes.resolve("com/acme/Upload.class"), "software/amazon/awssdk/core/");
    List<Artifact> kept =
        List.of(jar("software.amazon.awssdk", "s3", "software/amazon/awssdk/s3/A.class", ""));

    assertThat(ProviderClasspath.unreferenced(kept, SDK, classes)).isEmpty();
  }

  @Test
  void unreferencedGroupsAreLeftOutWhereverTheyAreInTheTree() {
    DefaultDependencyNode root = node("com.acme:app:1", "compile");
    DefaultDependencyNode functions = node("com.acme:order-functions:1", "compile");
    DefaultDependencyNode sqs = node("software.amazon.awssdk:sqs:2", "compile");
    sqs.setChildren(
        List.of(
            node("software.amazon.awssdk:aws-core:2", "compile"),
            node("org.reactivestreams:reactive-streams:1", "compile")));
    functions.setChildren(List.of(sqs, node("com.acme:domain:1", "compile")));
    root.setChildren(List.of(functions));

    assertThat(ProviderClasspath.reachable(root, NOT_GCP.andGroups(SDK)))
        .containsExactlyInAnyOrder("com.acme:order-functions", "com.acme:domain");
  }

  private Artifact jar(String groupId, String artifactId, String entry, String text)
      throws IOException {
    Path jar = dir.resolve(artifactId + ".jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(text.getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    Artifact artifact = artifact(groupId, artifactId, "compile");
    artifact.setFile(jar.toFile());
    return artifact;
  }

  @Test
  void onlyReachableRuntimeArtifactsWithFilesAreKeptInClassPathOrder() {
    Artifact jackson = artifact("com.fasterxml.jackson.core", "jackson-databind", "compile");
    Artifact gcpApi = artifact("com.google.cloud.functions", "functions-framework-api", "compile");
    Artifact core = artifact("dev.anyfn", "anyfn-core", "runtime");
    Artifact processor = artifact("dev.anyfn", "anyfn-processor", "provided");

    assertThat(
            ProviderClasspath.keep(
                List.of(jackson, gcpApi, core, processor),
                Set.of(
                    "dev.anyfn:anyfn-core",
                    "com.fasterxml.jackson.core:jackson-databind",
                    "dev.anyfn:anyfn-processor")))
        .containsExactly(jackson, core);
  }

  @Test
  void declaredLibrariesOfALeftOutGroupAndOtherAdaptersAreNotCollected() {
    Set<String> sdk = SDK;

    assertThat(
            ProviderClasspath.isRoot(declared("software.amazon.awssdk", "sqs", null), NOT_AWS, sdk))
        .isFalse();
    assertThat(
            ProviderClasspath.isRoot(declared("dev.anyfn", "anyfn-adapter-gcp", ""), NOT_AWS, sdk))
        .isFalse();
    assertThat(ProviderClasspath.isRoot(declared("com.example", "lib", "test"), NOT_AWS, sdk))
        .isFalse();
    assertThat(
            ProviderClasspath.isRoot(
                declared("com.amazonaws", "aws-lambda-java-events", null), NOT_GCP, Set.of()))
        .isFalse();
    assertThat(
            ProviderClasspath.isRoot(
                declared("dev.anyfn", "anyfn-adapter-aws", null), NOT_AWS, sdk))
        .isTrue();
    assertThat(
            ProviderClasspath.isRoot(
                declared("software.amazon.awssdk", "sqs", "compile"), NOT_AWS, Set.of()))
        .isTrue();
  }

  @Test
  void aLeftOutLibraryThatAnotherDependencyNeedsStaysReachable() {
    DefaultDependencyNode root = node("com.example:shop:1", "compile");
    DefaultDependencyNode helpers = node("com.example:s3-helpers:1", "compile");
    helpers.setChildren(List.of(node("software.amazon.awssdk:s3:2", "compile")));
    root.setChildren(List.of(helpers));

    assertThat(ProviderClasspath.reachable(root, NOT_AWS))
        .containsExactlyInAnyOrder("com.example:s3-helpers", "software.amazon.awssdk:s3");
  }

  @Test
  void onlyTheAdapterOnlyGroupsTheProjectHasArtifactsOfAreLookedFor() {
    Map<String, String> groups = Map.of("software.amazon.awssdk", "anyfn-adapter-aws");

    assertThat(
            ProviderClasspath.present(
                groups,
                List.of(
                    artifact("com.fasterxml.jackson.core", "jackson-databind", "compile"),
                    artifact("software.amazon.awssdk", "sqs", "compile"))))
        .containsExactly(Map.entry("software.amazon.awssdk", "anyfn-adapter-aws"));
    assertThat(
            ProviderClasspath.present(
                groups, List.of(artifact("dev.anyfn", "anyfn-core", "compile"))))
        .isEmpty();
  }

  private static org.apache.maven.model.Dependency declared(
      String groupId, String artifactId, String scope) {
    org.apache.maven.model.Dependency d = new org.apache.maven.model.Dependency();
    d.setGroupId(groupId);
    d.setArtifactId(artifactId);
    d.setVersion("1");
    d.setScope(scope);
    return d;
  }

  private static DefaultDependencyNode node(String coordinates, String scope) {
    return new DefaultDependencyNode(
        new Dependency(new org.eclipse.aether.artifact.DefaultArtifact(coordinates), scope));
  }

  private static Artifact artifact(String groupId, String artifactId, String scope) {
    DefaultArtifact artifact =
        new DefaultArtifact(
            groupId, artifactId, "1", scope, "jar", null, new DefaultArtifactHandler("jar"));
    artifact.setFile(new File(artifactId + ".jar"));
    return artifact;
  }
}
