package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackagersTest {
  private static final FunctionIndex EMPTY = new FunctionIndex(1, List.of());

  private final Packagers packagers =
      new Packagers(
          List.of(
              new StubPackager("aws", "anyfn-adapter-aws", List.of()),
              new StubPackager(
                  "gcp",
                  "anyfn-adapter-gcp",
                  List.of(
                      "function 'nightly': the schedule '*/90 * * * *' cannot be expressed.",
                      "function 'audit': Firestore triggers need a collection name.")),
              new StubPackager("azure", "anyfn-adapter-azure", List.of())));

  @Test
  void withoutASelectionEveryProviderWhoseAdapterIsADependencyIsPackaged() {
    assertThat(packagers.toPackage(null, java.util.Set.of("anyfn-api", "anyfn-adapter-aws")))
        .containsExactly("aws");
    assertThat(
            packagers.toPackage(
                " ", java.util.Set.of("anyfn-adapter-azure", "anyfn-adapter-gcp", "anyfn-core")))
        .containsExactlyInAnyOrder("gcp", "azure");
  }

  @Test
  void aSelectedProviderWhoseAdapterIsNotADependencyIsRefused() {
    assertThatThrownBy(() -> packagers.toPackage("aws,gcp", java.util.Set.of("anyfn-adapter-aws")))
        .hasMessage(
            "anyfn.providers selects gcp but the project does not depend on"
                + " dev.anyfn:anyfn-adapter-gcp, so that jar could not run. Add the dependency, or"
                + " leave gcp out of anyfn.providers.");
  }

  @Test
  void aProjectWithoutAnyAdapterIsToldWhichToAdd() {
    assertThatThrownBy(() -> packagers.toPackage(null, java.util.Set.of("anyfn-api")))
        .hasMessageStartingWith(
            "The project depends on no anyfn adapter, so there is nothing to package. Add at least"
                + " one of dev.anyfn:anyfn-adapter-");
  }

  @Test
  void selectionIsTrimmedLowerCasedAndDeduplicated() {
    assertThat(packagers.select(" AWS, gcp ,aws,")).containsExactly("aws", "gcp");
  }

  @Test
  void aMisspelledProviderIsNamedWithTheExpectedOnes() {
    assertThatThrownBy(() -> packagers.select("aws,gpc"))
        .hasMessage(
            "No anyfn packager for provider 'gpc' on the anyfn-maven-plugin's class path (found:"
                + " aws, azure, gcp). Expected one of aws, gcp, azure; check the spelling in"
                + " anyfn.providers.");
  }

  @Test
  void aKnownProviderWithoutItsAdapterNamesTheArtifactToAdd() {
    Packagers onlyAws = new Packagers(List.of(new StubPackager("aws", "anyfn-adapter-aws", null)));

    assertThatThrownBy(() -> onlyAws.select("aws,azure"))
        .hasMessage(
            "No anyfn packager for provider 'azure' on the anyfn-maven-plugin's class path (found:"
                + " aws). Add dev.anyfn:anyfn-adapter-azure to the plugin's <dependencies>, or"
                + " leave 'azure' out of anyfn.providers.");
  }

  @Test
  void anEmptySelectionIsRefused() {
    assertThatThrownBy(() -> packagers.select(" , "))
        .hasMessage(
            "anyfn.providers is empty; expected a comma-separated list of aws, gcp, azure, e.g."
                + " -Danyfn.providers=aws,gcp.");
  }

  @Test
  void everyPortabilityProblemIsListedWithItsProviderAndTheProvidersThatCanDeploy() {
    assertThat(packagers.portabilityProblems(EMPTY, List.of("aws", "gcp", "azure")))
        .isEqualTo(
            """
            anyfn cannot package these functions for every selected provider:
              - gcp: function 'nightly': the schedule '*/90 * * * *' cannot be expressed.
              - gcp: function 'audit': Firestore triggers need a collection name.
            Change the functions named above, or package only the providers that can deploy\
             them, e.g. -Danyfn.providers=aws,azure.""");
  }

  @Test
  void theRealPackagersRefuseClassesNewerThanTheirNewestJavaRuntimeAlongWithBuildProblems() {
    Packagers real = Packagers.load(PackagersTest.class.getClassLoader());

    assertThat(
            real.portabilityProblems(
                EMPTY,
                List.of("aws", "gcp", "azure"),
                26,
                Map.of(),
                Map.of("azure", List.of("javaVersion 21 cannot load Java 26."))))
        .contains(
            "  - aws: the classes are compiled for Java 26, but the newest Java runtime of AWS Lambda")
        .contains("  - gcp: the classes are compiled for Java 26, but the newest Java runtime of")
        .contains("  - azure: javaVersion 21 cannot load Java 26.");
    assertThat(real.portabilityProblems(EMPTY, List.of("aws", "gcp"), 25, Map.of(), Map.of()))
        .isEmpty();
  }

  @Test
  void noProblemsGiveAnEmptyMessage() {
    assertThat(packagers.portabilityProblems(EMPTY, List.of("aws", "azure"))).isEmpty();
  }

  @Test
  void aProviderJarLeavesOutTheOtherAdaptersAsTheirPackagersNameThem() {
    Packagers custom =
        new Packagers(
            List.of(
                new StubPackager("aws", "anyfn-adapter-aws", null),
                new StubPackager("gcp", "my-gcp-adapter", null)));

    assertThat(custom.otherAdapters("aws"))
        .containsExactlyInAnyOrder("my-gcp-adapter", "anyfn-adapter-azure");
    assertThat(custom.otherAdapters("azure"))
        .containsExactlyInAnyOrder("anyfn-adapter-aws", "my-gcp-adapter");
  }

  @Test
  void theGoogleAndAzurePackagesMayLeaveOutTheAwsSdkButTheAwsPackageKeepsIt() {
    Packagers real = Packagers.load(PackagersTest.class.getClassLoader());

    assertThat(real.otherAdaptersGroups("gcp"))
        .containsExactly(Map.entry("software.amazon.awssdk", "anyfn-adapter-aws"));
    assertThat(real.otherAdaptersGroups("azure"))
        .containsExactly(Map.entry("software.amazon.awssdk", "anyfn-adapter-aws"));
    assertThat(real.otherAdaptersGroups("aws")).isEmpty();
  }

  @Test
  void packagersAreFoundWithServiceLoader() throws Exception {
    Packagers found = Packagers.load(getClass().getClassLoader());

    assertThat(found.select("test-cloud")).containsExactly("test-cloud");
    java.nio.file.Path out = Files.createTempDirectory("anyfn-test-cloud");
    found
        .packager("test-cloud")
        .writeDescriptors(
            EMPTY,
            new PackagingContext(out, out, "shop", out.resolve("shop.jar"), java.util.Map.of()));
    assertThat(out.resolve("test-cloud.txt")).hasContent("shop: 0 functions");
  }

  private record StubPackager(String provider, String adapterArtifactId, List<String> problems)
      implements ProviderPackager {
    @Override
    public List<String> portabilityProblems(FunctionIndex index) {
      return problems;
    }

    @Override
    public void writeDescriptors(FunctionIndex index, PackagingContext context) {
      throw new UnsupportedOperationException("not used");
    }
  }
}
