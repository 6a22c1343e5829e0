package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureStagingTest {
  private static final Artifact CORE = artifact("dev.anyfn", "anyfn-core", "compile");
  private static final Artifact AWS = artifact("dev.anyfn", "anyfn-adapter-aws", "compile");
  private static final Artifact LAMBDA =
      artifact("com.amazonaws", "aws-lambda-java-core", "compile");
  private static final Artifact PROCESSOR = artifact("dev.anyfn", "anyfn-processor", "provided");
  private static final Set<String> KEPT = Set.of("dev.anyfn:anyfn-core");

  @Test
  void twoFunctionModulesWithOneHttpFunctionEachBothTakeTheCatchAllRoute(@TempDir Path staging)
      throws IOException {
    function(staging, "alpha", "{*path}", "\"GET\", \"HEAD\"");
    function(staging, "beta", "{*path}", "\"get\"");
    function(staging, "gamma", "_invoke/gamma", "\"POST\"");

    assertThat(AzureRoutes.clashes(staging))
        .containsExactly("alpha and beta both take the route '{*path}'");
  }

  @Test
  void routesUnderEachFunctionsNameOrOfOtherMethodsDoNotClash(@TempDir Path staging)
      throws IOException {
    function(staging, "alpha", "alpha/{*path}", "\"GET\"");
    function(staging, "beta", "beta/{*path}", "\"GET\"");
    function(staging, "upload", "files/{*path}", "\"POST\"");
    function(staging, "download", "files/{*path}", "\"GET\", \"HEAD\"");
    Files.createDirectories(staging.resolve("lib"));

    assertThat(AzureRoutes.clashes(staging)).isEmpty();
  }

  private static void function(Path staging, String name, String route, String methods)
      throws IOException {
    Files.createDirectories(staging.resolve(name));
    Files.writeString(
        staging.resolve(name).resolve("function.json"),
        """
        {"scriptFile": "../app-1.0.jar", "bindings": [
          {"type": "httpTrigger", "direction": "in", "name": "req", "route": "%s",
           "methods": [%s]},
          {"type": "http", "direction": "out", "name": "$return"}]}
        """
            .formatted(route, methods));
  }

  @Test
  void anUnselectedStagingFolderInsideTheBuildDirectoryIsRemovedWhole(@TempDir Path target)
      throws IOException {
    Path staging = target.resolve("azure-functions/app");
    Files.createDirectories(staging.resolve("lib"));
    Files.createDirectories(staging.resolve("hello"));
    Files.writeString(staging.resolve("host.json"), "{}");
    Files.writeString(staging.resolve("hello/function.json"), "{}");
    Files.writeString(staging.resolve("lib/anyfn-core-1.jar"), "jar");

    assertThat(AzureStaging.removeUnselected(staging, target))
        .isEqualTo(AzureStaging.Removal.REMOVED);

    assertThat(staging).doesNotExist();
    assertThat(target.resolve("azure-functions")).isDirectory();
  }

  @Test
  void anUnselectedStagingFolderOutsideTheBuildDirectoryIsLeftAlone(@TempDir Path root)
      throws IOException {
    Path staging = Files.createDirectories(root.resolve("elsewhere/app"));
    Files.writeString(staging.resolve("host.json"), "{}");
    Path target = Files.createDirectories(root.resolve("project/target"));

    assertThat(AzureStaging.removeUnselected(staging, target))
        .isEqualTo(AzureStaging.Removal.OUTSIDE_BUILD_DIRECTORY);
    assertThat(AzureStaging.removeUnselected(target, target))
        .isEqualTo(AzureStaging.Removal.OUTSIDE_BUILD_DIRECTORY);
    assertThat(AzureStaging.removeUnselected(target.resolve("../../elsewhere/app"), target))
        .isEqualTo(AzureStaging.Removal.OUTSIDE_BUILD_DIRECTORY);

    assertThat(staging.resolve("host.json")).isRegularFile();
    assertThat(target).isDirectory();
  }

  @Test
  void aStagingFolderReachedThroughASymbolicLinkIsLeftAlone(@TempDir Path root) throws IOException {
    Path shared = Files.createDirectories(root.resolve("shared/app"));
    Files.writeString(shared.resolve("host.json"), "{}");
    Path target = Files.createDirectories(root.resolve("project/target"));
    Files.createSymbolicLink(target.resolve("azure-functions"), root.resolve("shared"));

    assertThat(AzureStaging.removeUnselected(target.resolve("azure-functions/app"), target))
        .isEqualTo(AzureStaging.Removal.OUTSIDE_BUILD_DIRECTORY);
    assertThat(shared.resolve("host.json")).isRegularFile();
  }

  @Test
  void aFolderWithoutHostJsonIsNoStagingFolderAndIsLeftAlone(@TempDir Path target)
      throws IOException {
    Path classes = Files.createDirectories(target.resolve("classes"));
    Files.createDirectories(target.resolve("azure-functions"));
    Files.writeString(classes.resolve("App.class"), "class");

    assertThat(AzureStaging.removeUnselected(target.resolve("azure-functions/../classes"), target))
        .isEqualTo(AzureStaging.Removal.NOT_A_STAGING_FOLDER);
    assertThat(classes.resolve("App.class")).isRegularFile();
  }

  @Test
  void aMissingStagingFolderIsReportedAbsent(@TempDir Path target) throws IOException {
    assertThat(AzureStaging.removeUnselected(target.resolve("azure-functions/app"), target))
        .isEqualTo(AzureStaging.Removal.ABSENT);
  }

  @Test
  void runtimeArtifactsOutsideTheAzureClassPathAreUnneeded() {
    assertThat(AzureStaging.unneeded(List.of(CORE, AWS, PROCESSOR, LAMBDA), KEPT))
        .containsExactly(AWS, LAMBDA);
  }

  @Test
  void trimDeletesOnlyTheCopiesOfUnneededArtifacts(@TempDir Path lib) throws IOException {
    for (String name :
        List.of(
            "anyfn-core-1.jar",
            "anyfn-adapter-aws-1.jar",
            "aws-lambda-java-core-1.jar",
            "my-own-extra.jar")) {
      Files.writeString(lib.resolve(name), name);
    }
    List<Path> removed =
        AzureStaging.trim(lib, AzureStaging.unneeded(List.of(CORE, AWS, LAMBDA), KEPT));

    assertThat(removed)
        .containsExactly(
            lib.resolve("anyfn-adapter-aws-1.jar"), lib.resolve("aws-lambda-java-core-1.jar"));
    try (var files = Files.list(lib)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("anyfn-core-1.jar", "my-own-extra.jar");
    }
  }

  @Test
  void aJarThePluginDidNotCopyIsNotAnError(@TempDir Path lib) throws IOException {
    assertThat(AzureStaging.trim(lib, List.of(AWS))).isEmpty();
  }

  @Test
  void appNameComesFromThePackageExecutionOrThePluginConfiguration() {
    Plugin azure = azurePlugin();
    azure.setConfiguration(config("plugin-level"));
    assertThat(AzureStaging.appName(List.of(azure))).isEqualTo("plugin-level");

    PluginExecution execution = new PluginExecution();
    execution.addGoal("package");
    execution.setConfiguration(config("execution-level"));
    azure.addExecution(execution);
    assertThat(AzureStaging.appName(List.of(azure))).isEqualTo("execution-level");

    assertThat(AzureStaging.appName(List.of(anyfnPlugin()))).isNull();
  }

  @Test
  void anyfnDeclaredAfterMicrosoftsPluginIsInOrder() {
    assertThat(AzureStaging.orderProblem(List.of(azurePlugin(), anyfnPlugin()))).isNull();
  }

  @Test
  void anyfnDeclaredBeforeMicrosoftsPluginSaysToMoveIt() {
    assertThat(AzureStaging.orderProblem(List.of(anyfnPlugin(), azurePlugin())))
        .contains("runs before azure-functions:package")
        .contains("Move the anyfn-maven-plugin <plugin> after the azure-functions-maven-plugin");
  }

  @Test
  void withoutMicrosoftsPluginTheGoalHasNothingToTrim() {
    assertThat(AzureStaging.orderProblem(List.of(anyfnPlugin())))
        .contains("No com.microsoft.azure:azure-functions-maven-plugin in this build");
  }

  @Test
  void aBuildWithMicrosoftsPluginButNoTrimGoalIsWarned() {
    assertThat(AzureStaging.untrimmedWarning(List.of(anyfnPlugin(), azurePlugin())))
        .contains("add the goal trim-azure-staging");
    assertThat(AzureStaging.untrimmedWarning(List.of(anyfnPlugin()))).isNull();

    Plugin anyfn = anyfnPlugin();
    PluginExecution execution = new PluginExecution();
    execution.addGoal("package");
    execution.addGoal("trim-azure-staging");
    anyfn.addExecution(execution);
    assertThat(AzureStaging.untrimmedWarning(List.of(azurePlugin(), anyfn))).isNull();
  }

  @Test
  void aJavaVersionBelowTheClassesReleaseIsAProblemNamingBothFixes() {
    Plugin azure = azurePlugin();
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom runtime = new Xpp3Dom("runtime");
    Xpp3Dom javaVersion = new Xpp3Dom("javaVersion");
    javaVersion.setValue("17");
    runtime.addChild(javaVersion);
    configuration.addChild(runtime);
    azure.setConfiguration(configuration);

    assertThat(AzureStaging.javaVersionProblem(List.of(azure), 17)).isNull();
    assertThat(AzureStaging.javaVersionProblem(List.of(azure), 21))
        .contains("compiled for Java 21")
        .contains("<runtime><javaVersion>17</javaVersion>")
        .contains("<maven.compiler.release>17</maven.compiler.release>");
    assertThat(AzureStaging.javaVersionProblem(List.of(azurePlugin()), 25))
        .as("no javaVersion configured: Microsoft's plugin decides")
        .isNull();
    assertThat(AzureStaging.javaVersionProblem(List.of(), 25)).isNull();
  }

  private static Plugin azurePlugin() {
    Plugin p = new Plugin();
    p.setGroupId("com.microsoft.azure");
    p.setArtifactId("azure-functions-maven-plugin");
    return p;
  }

  private static Plugin anyfnPlugin() {
    Plugin p = new Plugin();
    p.setGroupId("dev.anyfn");
    p.setArtifactId("anyfn-maven-plugin");
    return p;
  }

  private static Xpp3Dom config(String appName) {
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom name = new Xpp3Dom("appName");
    name.setValue(appName);
    configuration.addChild(name);
    return configuration;
  }

  private static Artifact artifact(String groupId, String artifactId, String scope) {
    DefaultArtifact a =
        new DefaultArtifact(
            groupId, artifactId, "1", scope, "jar", "", new DefaultArtifactHandler());
    a.setFile(new File("/repo/" + artifactId + "-1.jar"));
    return a;
  }
}
