package dev.anyfn.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM running a one-file program through the java source launcher. */
class ChildJvmTest {
  @TempDir Path dir;

  private Path program() throws Exception {
    return Files.writeString(
        dir.resolve("Child.java"),
        String.join(
            "\n",
            "import java.net.*;",
            "import java.nio.file.Path;",
            "public class Child {",
            "  public static void main(String[] a) throws Exception {",
            "    System.out.println(\"GREETING=\" + System.getenv(\"GREETING\"));",
            "    System.out.println(\"cwd=\" + Path.of(\"\").toAbsolutePath());",
            "    System.out.flush();",
            "    if (a[0].equals(\"exit\")) System.exit(3);",
            "    try (ServerSocket s = new ServerSocket(",
            "        Integer.parseInt(a[0]), 1, InetAddress.getLoopbackAddress())) {",
            "      Thread.sleep(120_000);",
            "    }",
            "  }",
            "}"));
  }

  @Test
  void aListeningChildHasTheGivenEnvironmentItsDirectoryAndItsOutputFile() throws Exception {
    Path program = program();
    int port = ChildJvm.freePort();
    Path work = dir.resolve("work");
    ChildJvm child =
        ChildJvm.start(
            "greeter",
            List.of("-Xshare:auto", program.toString(), Integer.toString(port)),
            Map.of("GREETING", "hello"),
            work);
    try {
      child.awaitListening(port, Duration.ofSeconds(60));
      assertThat(child.isAlive()).isTrue();
      assertThat(child.outputFile()).isEqualTo(work.resolve("greeter.out"));
      assertThat(child.output()).contains("GREETING=hello").contains("cwd=" + work.toRealPath());
      assertThat(child.outputTail())
          .startsWith("---- output of greeter (" + work.resolve("greeter.out") + ") ----\n")
          .endsWith(child.output());
    } finally {
      child.close();
    }
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void aChildThatExitsBeforeListeningIsReportedWithItsExitValueAndOutput() throws Exception {
    Path program = program();
    try (ChildJvm child =
        ChildJvm.start("quitter", List.of(program.toString(), "exit"), Map.of(), dir)) {
      assertThatThrownBy(() -> child.awaitListening(ChildJvm.freePort(), Duration.ofSeconds(60)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("quitter exited with 3 before listening:\n---- output of quitter")
          .hasMessageContaining("GREETING=null");
      assertThat(child.exitValue()).contains(3);
    }
  }

  @Test
  void aPortTheKernelOffersAgainIsNotHandedOutTwice() throws Exception {
    // ports 1 and 2 are never offered by the kernel for port 0, so no other test has taken them
    Iterator<Integer> offered = List.of(1, 1, 2).iterator();
    ChildJvm.PortSource kernel = offered::next;

    assertThat(ChildJvm.unseen(kernel)).isEqualTo(1);
    assertThat(ChildJvm.unseen(kernel)).isEqualTo(2);
    assertThat(offered).isExhausted();
  }
}
