package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.local.Profile;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class RunMojoTest {
  @Test
  void aPortInUseAnywhereInTheCausesIsRecognisedSoTheGoalNamesItsPortProperty() {
    Exception bind =
        new IllegalStateException(
            "Cannot listen on 127.0.0.1:8080",
            new IOException("Failed to bind", new BindException("Address already in use")));

    assertThat(RunMojo.portTaken(bind)).isTrue();
    assertThat(RunMojo.portTaken(new IllegalStateException("No function index"))).isFalse();
  }

  @Test
  void aScheduleInAZoneIsWarnedAboutUnderTheAzureProfileWhosePackagingRefusesIt() {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                new FunctionSpec(
                    "nightly",
                    "x.Nightly",
                    512,
                    30,
                    10,
                    List.of(),
                    List.of(),
                    List.of(
                        new HandlerSpec(
                            "run",
                            List.of(),
                            "void",
                            HandlerSpec.ReturnKind.VOID,
                            new TriggerSpec.Schedule("0 2 * * *", null, 0, "Europe/Paris"),
                            List.of())))));
    Packagers packagers = Packagers.load(RunMojoTest.class.getClassLoader());

    assertThat(RunMojo.notDeployable(packagers, Profile.AZURE, index))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith(
            "anyfn: the emulator runs this under the azure profile, but mvn package would refuse"
                + " it for azure: ")
        .contains("runs in zone 'Europe/Paris'");
    assertThat(RunMojo.notDeployable(packagers, Profile.AWS, index))
        .as("EventBridge Scheduler takes a zone")
        .isEmpty();
  }

  @Test
  void jettyIsKeptToWarningsUnlessTheUserSetItsLevel() {
    String before = System.getProperty(RunMojo.JETTY_LOG_LEVEL);
    try {
      System.clearProperty(RunMojo.JETTY_LOG_LEVEL);
      RunMojo.quietJetty();
      assertThat(System.getProperty(RunMojo.JETTY_LOG_LEVEL)).isEqualTo("warn");

      System.setProperty(RunMojo.JETTY_LOG_LEVEL, "debug");
      RunMojo.quietJetty();
      assertThat(System.getProperty(RunMojo.JETTY_LOG_LEVEL)).isEqualTo("debug");
    } finally {
      if (before == null) {
        System.clearProperty(RunMojo.JETTY_LOG_LEVEL);
      } else {
        System.setProperty(RunMojo.JETTY_LOG_LEVEL, before);
      }
    }
  }

  @Test
  void theModulesOfAMultiModuleBuildAreServedFromOneClassPathWithEachArtifactOnce() {
    List<Path> classPath =
        RunMojo.firstOfEach(
            List.of(
                new RunMojo.ClassPathEntry(
                    "com.acme:functions-a", Path.of("/m/functions-a/target/classes")),
                new RunMojo.ClassPathEntry("com.acme:domain", Path.of("/m/domain/target/classes")),
                new RunMojo.ClassPathEntry("dev.anyfn:anyfn-api", Path.of("/r/anyfn-api.jar")),
                new RunMojo.ClassPathEntry(
                    "com.acme:functions-b", Path.of("/m/functions-b/target/classes")),
                new RunMojo.ClassPathEntry(
                    "com.acme:domain", Path.of("/m/domain/target/domain.jar")),
                new RunMojo.ClassPathEntry("dev.anyfn:anyfn-api", Path.of("/r/anyfn-api.jar")),
                new RunMojo.ClassPathEntry(
                    "com.acme:functions-a", Path.of("/m/functions-a/target/fa.jar"))));

    assertThat(classPath)
        .containsExactly(
            Path.of("/m/functions-a/target/classes"),
            Path.of("/m/domain/target/classes"),
            Path.of("/r/anyfn-api.jar"),
            Path.of("/m/functions-b/target/classes"));
  }
}
