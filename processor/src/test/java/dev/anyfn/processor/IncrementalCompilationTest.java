package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE compiles only the classes that changed, into the output that holds the others, with the
 * output on the class path; the index it leaves must still list every function, as a full build's
 * does. Compiled on disk with javac, as an IDE and Maven do, not in memory.
 */
class IncrementalCompilationTest {
  private static final String ORDERS =
      """
      package com.example;
      import dev.anyfn.*;
      @ServerlessFunction
      public class Orders {
        @Route("/orders/{id}")
        public String order(@PathParam("id") String id, @QueryParam("view") String view) {
          return id + view;
        }
      }
      """;

  private static final String REPORTS =
      """
      package com.example;
      import dev.anyfn.*;
      @ServerlessFunction
      public class Reports {
        @OnSchedule(cron = "0 3 * * *")
        public void nightly() {}
      }
      """;

  @TempDir Path dir;

  @Test
  void compilingOneChangedFunctionKeepsTheOthersInTheIndex() throws IOException {
    Path out = compileBoth();
    Path reports = dir.resolve("src/com/example/Reports.java");
    String full = index(out);

    // Reports changes: only it is compiled again
    Files.writeString(reports, REPORTS.replace("0 3 * * *", "0 4 * * *"));
    compile(out, reports);

    String incremental = index(out);
    assertThat(incremental).contains("\"className\": \"com.example.Orders\"");
    assertThat(incremental).contains("0 4 * * *").doesNotContain("0 3 * * *");
    // the kept function is read again from its class file, parameter names and all
    assertThat(incremental).isEqualTo(full.replace("0 3 * * *", "0 4 * * *"));
  }

  @Test
  void aFunctionWhoseClassIsGoneLeavesTheIndex() throws IOException {
    Path out = compileBoth();
    Path reports = dir.resolve("src/com/example/Reports.java");

    // Orders is deleted (the IDE removes its class file); Reports changes
    Files.delete(out.resolve("com/example/Orders.class"));
    Files.writeString(reports, REPORTS.replace("0 3 * * *", "0 4 * * *"));
    compile(out, reports);

    assertThat(index(out)).doesNotContain("Orders").contains("com.example.Reports");
  }

  @Test
  void aKeptFunctionIsValidatedWithTheCompiledOnes() throws IOException {
    Path out = Files.createDirectories(dir.resolve("classes"));
    compile(out, source("Orders.java", ORDERS));
    String before = index(out);

    // a new function takes the name of the one already compiled
    Path clash =
        source(
            "Clash.java",
            """
            package com.example;
            import dev.anyfn.*;
            @ServerlessFunction("orders")
            public class Clash {
              @OnInvoke
              public void run() {}
            }
            """);
    String errors = compileExpectingErrors(out, clash);

    assertThat(errors).contains("Duplicate function name 'orders'");
    assertThat(index(out)).isEqualTo(before);
  }

  /** Orders and Reports compiled together into {@code classes}, which it answers. */
  private Path compileBoth() throws IOException {
    Path out = Files.createDirectories(dir.resolve("classes"));
    compile(out, source("Orders.java", ORDERS), source("Reports.java", REPORTS));
    return out;
  }

  private Path source(String name, String code) throws IOException {
    Path file = dir.resolve("src/com/example/" + name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, code);
  }

  private static String index(Path out) throws IOException {
    return Files.readString(out.resolve(IndexWriter.RESOURCE));
  }

  private static void compile(Path out, Path... sources) {
    StringWriter log = new StringWriter();
    assertThat(run(out, log, sources)).as("javac: %s", log).isTrue();
  }

  private static String compileExpectingErrors(Path out, Path... sources) {
    StringWriter log = new StringWriter();
    assertThat(run(out, log, sources)).as("javac succeeded: %s", log).isFalse();
    return log.toString();
  }

  /** javac with the processor, {@code -parameters} as anyfn projects compile, into {@code out}. */
  private static boolean run(Path out, StringWriter log, Path... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjects(
              List.of(sources).stream().map(Path::toFile).toList().toArray(File[]::new));
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-d",
                  out.toString(),
                  "-classpath",
                  out + File.pathSeparator + System.getProperty("java.class.path"),
                  "-parameters",
                  "-processor",
                  FunctionProcessor.class.getName()));
      return javac.getTask(log, files, null, options, null, units).call();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
