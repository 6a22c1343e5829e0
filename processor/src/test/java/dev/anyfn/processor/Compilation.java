package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in memory with the processor, by name, on the test class path, and keeps the
 * diagnostics and every file written.
 */
final class Compilation {
  /** Prepended to sources that do not start with a package declaration. */
  static final String HEADER = "package com.example;\nimport dev.anyfn.*;\nimport java.util.*;\n";

  private static final Pattern TYPE_NAME =
      Pattern.compile("(?m)^(?:public |abstract |final )*(?:class|record|interface|enum) (\\w+)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

  private final boolean success;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Map<String, String> outputs;

  private Compilation(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Map<String, String> outputs) {
    this.success = success;
    this.diagnostics = diagnostics;
    this.outputs = outputs;
  }

  static Compilation compile(String... sources) {
    return compile(Optional.empty(), List.of(), sources);
  }

  /** Compiles with these javac options too, such as {@code -Akey=value}. */
  static Compilation compileWithOptions(List<String> javacOptions, String... sources) {
    return compile(Optional.empty(), javacOptions, sources);
  }

  /**
   * Compiles with the processor loaded, as from a processor path, by its own class loader over the
   * test class path plus these entries, so that its {@code ServiceLoader} sees them.
   */
  static Compilation compileWithProcessorPath(List<Path> extraEntries, String... sources) {
    List<URL> urls = new ArrayList<>();
    try {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      for (Path entry : extraEntries) {
        urls.add(entry.toUri().toURL());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Processor processor =
          (Processor)
              loader
                  .loadClass(FunctionProcessor.class.getName())
                  .getDeclaredConstructor()
                  .newInstance();
      return compile(Optional.of(processor), List.of(), sources);
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Compilation compile(
      Optional<Processor> processor, List<String> javacOptions, String... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> written = new TreeMap<>();
    StandardJavaFileManager standard =
        compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8);
    JavaFileManager files = new InMemoryOutput(standard, written);
    List<JavaFileObject> units = new ArrayList<>();
    for (String source : sources) {
      units.add(new Source(source.startsWith("package ") ? source : HEADER + source));
    }
    List<String> options =
        new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all"));
    options.addAll(javacOptions);
    if (processor.isEmpty()) {
      options.addAll(List.of("-processor", FunctionProcessor.class.getName()));
    }
    JavaCompiler.CompilationTask task =
        compiler.getTask(null, files, collector, options, null, units);
    processor.ifPresent(p -> task.setProcessors(List.of(p)));
    boolean success = task.call();
    Map<String, String> outputs = new TreeMap<>();
    written.forEach((name, bytes) -> outputs.put(name, bytes.toString(StandardCharsets.UTF_8)));
    return new Compilation(success, List.copyOf(collector.getDiagnostics()), outputs);
  }

  boolean succeeded() {
    return success;
  }

  /** The error messages, in the order reported. */
  List<String> errors() {
    return messages(Diagnostic.Kind.ERROR);
  }

  List<String> warnings() {
    List<String> warnings = new ArrayList<>(messages(Diagnostic.Kind.WARNING));
    warnings.addAll(messages(Diagnostic.Kind.MANDATORY_WARNING));
    return warnings;
  }

  /** Where each error points, as {@code line:column} of the element it was reported on. */
  List<String> errorSources() {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getSource() == null ? "-" : d.getLineNumber() + ": " + sourceLine(d))
        .toList();
  }

  /** The function index, when one was written. */
  Optional<String> index() {
    return output("META-INF/anyfn/functions.json");
  }

  Optional<String> output(String path) {
    return Optional.ofNullable(outputs.get(path));
  }

  /** Asserts that the compilation failed with exactly these errors. */
  void assertErrors(String... expected) {
    assertThat(errors()).containsExactly(expected);
    assertThat(success).as("compilation succeeded").isFalse();
    assertThat(index()).as("index written despite errors").isEmpty();
  }

  /** Asserts that the compilation failed with exactly this error. */
  void assertError(String expected) {
    assertErrors(expected);
  }

  /** Asserts a clean compilation and returns the index. */
  String assertIndex() {
    assertThat(errors()).isEmpty();
    assertThat(warnings()).isEmpty();
    assertThat(success).isTrue();
    assertThat(index()).as("index").isPresent();
    return index().get();
  }

  private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
    try {
      String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
      return lines[(int) d.getLineNumber() - 1].trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> messages(Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String code) {
      super(URI.create("string:///" + path(code)), Kind.SOURCE);
      this.code = code;
    }

    private static String path(String code) {
      Matcher pkg = PACKAGE.matcher(code);
      Matcher type = TYPE_NAME.matcher(code);
      if (!type.find()) {
        throw new IllegalArgumentException("No type declared in\n" + code);
      }
      String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return dir + type.group(1) + ".java";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  private static final class Output extends SimpleJavaFileObject {
    private final Map<String, ByteArrayOutputStream> written;
    private final String name;

    Output(String name, Kind kind, Map<String, ByteArrayOutputStream> written) {
      super(URI.create("mem:///" + name), kind);
      this.name = name;
      this.written = written;
    }

    @Override
    public OutputStream openOutputStream() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      written.put(name, bytes);
      return bytes;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      ByteArrayOutputStream bytes = written.get(name);
      return bytes == null ? "" : bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static final class InMemoryOutput
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> written;

    InMemoryOutput(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> written) {
      super(files);
      this.written = written;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new Output(className.replace('.', '/') + kind.extension, kind, written);
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      String dir = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
      return new Output(dir + relativeName, JavaFileObject.Kind.OTHER, written);
    }
  }
}
