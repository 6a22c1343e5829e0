package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anyfn:run serves a new generation of the project once the build output changed and settled. */
class LiveServerTest {
  @TempDir Path classes;

  private final List<String> events = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int started;
  private boolean failNext;
  private LiveServer live;

  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void error(CharSequence content) {
          errors.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
          warnings.add(content.toString());
        }
      };

  @BeforeEach
  void serveTheFirstGeneration() throws Exception {
    write("META-INF/anyfn/functions.json", "v1");
    live = new LiveServer(this::startGeneration, this::whyNot, new OutputWatch(classes), log);
    live.start();
  }

  private String whyNot() {
    return Files.exists(classes.resolve("META-INF/anyfn/functions.json"))
        ? null
        : "it has no function index";
  }

  private LiveServer.Generation startGeneration() {
    if (failNext) {
      failNext = false;
      throw new IllegalStateException("Function 'hello' failed to initialise.");
    }
    int n = ++started;
    events.add("start " + n);
    return () -> events.add("close " + n);
  }

  private void write(String name, String content) throws IOException {
    Path file = classes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    // a distinct time even where the file system keeps whole seconds
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(started + 1)));
  }

  @Test
  void nothingIsReloadedWhileTheOutputIsUnchanged() {
    assertThat(live.poll()).isFalse();
    assertThat(live.poll()).isFalse();

    assertThat(events).containsExactly("start 1");
  }

  @Test
  void aChangeIsServedOnceItHasSettledForAPollAndTheOldGenerationClosesFirst() throws Exception {
    write("com/example/Hello.class", "new bytes");

    assertThat(live.poll()).as("still changing as far as one poll can tell").isFalse();
    assertThat(live.poll()).isTrue();
    assertThat(live.poll()).as("served; no second reload").isFalse();

    assertThat(events).containsExactly("start 1", "close 1", "start 2");
  }

  @Test
  void aChangeDuringTheSettlingPollWaitsForTheNextOne() throws Exception {
    write("com/example/Hello.class", "first half");
    assertThat(live.poll()).isFalse();
    write("com/example/World.class", "second half");
    assertThat(live.poll()).isFalse();

    assertThat(live.poll()).isTrue();
    assertThat(events).containsExactly("start 1", "close 1", "start 2");
  }

  @Test
  void aGenerationThatFailsIsReportedAndTheNextChangeIsServed() throws Exception {
    failNext = true;
    write("com/example/Hello.class", "broken");
    live.poll();

    assertThat(live.poll()).isFalse();
    assertThat(events).containsExactly("start 1", "close 1");
    assertThat(errors)
        .singleElement()
        .asString()
        .contains("did not start, so nothing is served: Function 'hello' failed to initialise.")
        .contains("keeps watching " + classes);

    write("com/example/Hello.class", "fixed");
    live.poll();
    assertThat(live.poll()).isTrue();
    assertThat(events).containsExactly("start 1", "close 1", "start 2");
  }

  @Test
  void outputWithoutAnIndexKeepsThePreviousBuildServingUntilTheNextChange() throws Exception {
    // A failed compile leaves target/classes without the index (and without the classes).
    Files.delete(classes.resolve("META-INF/anyfn/functions.json"));
    live.poll();

    assertThat(live.poll()).isFalse();
    assertThat(events).containsExactly("start 1");
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("changed, but it has no function index; still serving the previous build.");

    write("META-INF/anyfn/functions.json", "v2");
    live.poll();
    assertThat(live.poll()).isTrue();
    assertThat(events).containsExactly("start 1", "close 1", "start 2");
  }

  @Test
  void afterCloseNoChangeStartsAGeneration() throws Exception {
    live.close();
    write("com/example/Hello.class", "late");
    live.poll();

    assertThat(live.poll()).isFalse();
    assertThat(events).containsExactly("start 1", "close 1");
  }
}
