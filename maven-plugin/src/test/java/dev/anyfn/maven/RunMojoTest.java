package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
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
}
