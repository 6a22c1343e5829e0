package dev.anyfn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs {@link AzureEntryGenerator} against an in-memory {@link Filer}, compiles what it wrote with
 * javac against the test class path, and loads the classes: the same path as the annotation
 * processor, without the processor.
 */
final class GeneratedEntries {
  final Map<String, String> sources = new LinkedHashMap<>();
  final List<String> errors = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  static GeneratedEntries generate(String indexJson, Map<String, String> env) throws IOException {
    GeneratedEntries g = new GeneratedEntries();
    new AzureEntryGenerator(env).generate(indexJson, g.filer(), g.messager());
    return g;
  }

  /**
   * The index of the fixtures {@code shop} and {@code worker}; see {@link
   * #fixtureIndex(String...)}.
   */
  static String fixtureIndex() throws IOException {
    return fixtureIndex("shop", "worker");
  }

  /**
   * The index the anyfn processor wrote for this module's test fixtures (the one in the test
   * classes directory, not the core test-jar's, which is on the class path too), with only the
   * functions named: generating from it is as a build of those functions alone. The {@code sender}
   * fixture is generated apart, since as a second HTTP function it would give the shop's routes a
   * prefix; the runtime still finds every fixture on the class path.
   */
  static String fixtureIndex(String... functions) throws IOException {
    String index;
    try {
      Path testClasses =
          Path.of(
              GeneratedEntries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      index = Files.readString(testClasses.resolve("META-INF/anyfn/functions.json"));
    } catch (URISyntaxException e) {
      throw new IOException("Cannot locate the test classes directory", e);
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(index);
    ArrayNode kept = tree.putArray("functions");
    for (JsonNode f : json.readTree(index).get("functions")) {
      if (List.of(functions).contains(f.get("name").asText())) {
        kept.add(f);
      }
    }
    return json.writeValueAsString(tree);
  }

  /**
   * Compiles the generated sources and loads them, child-first, in a child of the test class
   * loader.
   */
  ClassLoader compile() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
    JavaFileManager files =
        new ForwardingJavaFileManager<JavaFileManager>(
            javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                classes.put(className, out);
                return out;
              }
            };
          }
        };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(source(name, text)));
    boolean ok =
        javac
            .getTask(
                null,
                files,
                diagnostics,
                List.of(
                    "-proc:none",
                    "-Xlint:all",
                    "-Werror",
                    "-parameters",
                    "--release",
                    "17",
                    "-classpath",
                    System.getProperty("java.class.path")),
                null,
                units)
            .call();
    if (!ok) {
      throw new AssertionError("Generated sources do not compile: " + diagnostics.getDiagnostics());
    }
    // Child-first for the classes compiled here: the test class path also holds the entry classes
    // the annotation processor generated for the fixtures, with the default build options.
    return new ClassLoader(GeneratedEntries.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
      }

      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** Writes the generated sources under a source root, for the fixture build. */
  void writeTo(Path sourceRoot) throws IOException {
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = sourceRoot.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
  }

  private static JavaFileObject source(String name, String text) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private Filer filer() {
    return new Filer() {
      @Override
      public JavaFileObject createSourceFile(CharSequence name, Element... originating) {
        String className = name.toString();
        if (sources.containsKey(className)) {
          throw new IllegalStateException("Source written twice: " + className);
        }
        return new SimpleJavaFileObject(
            URI.create("string:///" + className.replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public Writer openWriter() {
            return new StringWriter() {
              @Override
              public void close() {
                sources.put(className, toString());
              }
            };
          }
        };
      }

      @Override
      public JavaFileObject createClassFile(CharSequence name, Element... originating) {
        throw new UnsupportedOperationException("the generator writes sources only");
      }

      @Override
      public FileObject createResource(
          JavaFileManager.Location location,
          CharSequence moduleAndPkg,
          CharSequence relativeName,
          Element... originating) {
        throw new UnsupportedOperationException("the generator writes sources only");
      }

      @Override
      public FileObject getResource(
          JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName) {
        throw new UnsupportedOperationException("the generator reads nothing");
      }
    };
  }

  private Messager messager() {
    return new Messager() {
      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
        (kind == Diagnostic.Kind.ERROR ? errors : notes).add(msg.toString());
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
        printMessage(kind, msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
        printMessage(kind, msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind,
          CharSequence msg,
          Element e,
          AnnotationMirror a,
          AnnotationValue v) {
        printMessage(kind, msg);
      }
    };
  }
}
