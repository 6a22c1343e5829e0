package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassReferencesTest {
  private static final Set<String> SDK = Set.of("software.amazon.awssdk");

  @TempDir Path dir;

  @Test
  void classesThatDoNotUseAPackageDoNotReferToIt() throws IOException {
    Path classes = compile("com/example/Hello.java", "package com.example; public class Hello {}");

    assertThat(ClassReferences.referrers(classes, SDK)).isEmpty();
  }

  @Test
  void aClassUsingATypeOfThePackageRefersToIt() throws IOException {
    source(
        "software/amazon/awssdk/services/s3/S3Client.java",
        "package software.amazon.awssdk.services.s3; public class S3Client {}");
    Path classes =
        compile(
            "com/example/Upload.java",
            "package com.example; public class Upload {"
                + " Object client() { return new software.amazon.awssdk.services.s3.S3Client(); } }");
    Files.delete(classes.resolve("software/amazon/awssdk/services/s3/S3Client.class"));

    assertThat(ClassReferences.referrers(classes, SDK))
        .containsExactly(Map.entry("software.amazon.awssdk", "com/example/Upload.class"));
  }

  @Test
  void aClassNamingThePackageForReflectionRefersToIt() throws IOException {
    Path classes =
        compile(
            "com/example/Lazy.java",
            "package com.example; public class Lazy { String name() {"
                + " return \"software.amazon.awssdk.services.sqs.SqsClient\"; } }");

    assertThat(ClassReferences.referrers(classes, SDK))
        .containsExactly(Map.entry("software.amazon.awssdk", "com/example/Lazy.class"));
  }

  @Test
  void aResourceNamingAClassOfThePackageRefersToIt() throws IOException {
    Path classes = compile("com/example/Hello.java", "package com.example; public class Hello {}");
    Path appender = classes.resolve("logback.xml");
    Files.writeString(
        appender, "<appender class=\"software.amazon.awssdk.example.CloudWatchAppender\"/>");

    assertThat(ClassReferences.referrers(classes, SDK))
        .containsExactly(Map.entry("software.amazon.awssdk", "logback.xml"));
  }

  @Test
  void aPackageWhoseNameOnlyBeginsTheSameIsNotAReference() throws IOException {
    Path classes =
        compile(
            "com/example/Near.java",
            "package com.example; public class Near { String name() {"
                + " return \"software.amazon.awssdkx.Other\"; } }");

    assertThat(ClassReferences.referrers(classes, SDK)).isEmpty();
  }

  @Test
  void aJarsClassRefersToThePackageAsAClassesDirectorysDoes() throws IOException {
    Path classes = compile("com/example/Hello.java", "package com.example; public class Hello {}");
    Path jar = dir.resolve("receipts-1.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("com/acme/Archive.class"));
      zip.write("software/amazon/awssdk/services/s3/S3Client".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }

    assertThat(ClassReferences.referrers(List.of(classes, jar, dir.resolve("missing")), SDK))
        .containsExactly(
            Map.entry("software.amazon.awssdk", "receipts-1.jar!/com/acme/Archive.class"));
    assertThat(ClassReferences.referrers(List.of(classes), SDK)).isEmpty();
  }

  @Test
  void noClassesDirectoryReferencesNothing() throws IOException {
    assertThat(ClassReferences.referrers(dir.resolve("missing"), SDK)).isEmpty();
  }

  private void source(String path, String text) throws IOException {
    Path file = dir.resolve("src").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void packagingWarnsWhenAClassCallsOnceAndNoneSetsAnIdempotencyStore() throws IOException {
    Path classes =
        compile(
            "com/example/Orders.java",
            "package com.example; public class Orders {"
                + " public void run(dev.anyfn.Context c) { c.once(\"k\", () -> {}); } }");

    assertThat(ClassReferences.firstNaming(classes, "dev/anyfn/Context", "once"))
        .hasValue("com/example/Orders.class");
    assertThat(PackageMojo.idempotencyStoreWarning(classes))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("anyfn: com/example/Orders.class calls Context.once, but no class")
                    .contains("init.useIdempotencyStore(store, keepResults)"));

    compile(
        "com/example/Setup.java",
        "package com.example; public class Setup { public void init(dev.anyfn.InitContext i,"
            + " dev.anyfn.IdempotencyStore s) {"
            + " i.useIdempotencyStore(s, java.time.Duration.ofHours(1)); } }");

    assertThat(PackageMojo.idempotencyStoreWarning(classes)).isEmpty();
  }

  @Test
  void aMethodOnlyNamedLikeOnceElsewhereIsNotACall() throws IOException {
    Path classes =
        compile(
            "com/example/Other.java",
            "package com.example; public class Other {"
                + " String onceMore(dev.anyfn.Context c) { return c.requestId(); } }");

    assertThat(PackageMojo.idempotencyStoreWarning(classes)).isEmpty();
  }

  @Test
  void aFunctionModuleCallingOnceIsWarnedAboutWhenNoPackagedClassSetsAStore() throws IOException {
    Path classes =
        compile(
            "com/acme/orders/Orders.java",
            "package com.acme.orders; public class Orders {"
                + " public void run(dev.anyfn.Context c) { c.once(\"k\", () -> {}); } }");
    Path functions = moveToJar(classes, "order-functions-1.jar", "com/acme/orders/Orders.class");
    List<ProjectFunctions.Source> packagedClasses =
        List.of(
            new ProjectFunctions.Source("target/classes", classes),
            new ProjectFunctions.Source("com.acme:order-functions:jar:1", functions));

    assertThat(PackageMojo.idempotencyStoreWarning(packagedClasses, packagedClasses))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith(
                        "anyfn: com/acme/orders/Orders.class (in com.acme:order-functions:jar:1)"
                            + " calls Context.once, but no class"));

    compile(
        "com/acme/common/Stores.java",
        "package com.acme.common; public class Stores { public static void use("
            + " dev.anyfn.InitContext i, dev.anyfn.IdempotencyStore s) {"
            + " i.useIdempotencyStore(s, java.time.Duration.ofHours(1)); } }");
    Path common = moveToJar(classes, "common-1.jar", "com/acme/common/Stores.class");
    List<ProjectFunctions.Source> packaged = new java.util.ArrayList<>(packagedClasses);
    packaged.add(new ProjectFunctions.Source("com.acme:common:jar:1", common));

    assertThat(PackageMojo.idempotencyStoreWarning(packagedClasses, packaged))
        .as("a helper of a module without functions sets the store")
        .isEmpty();
  }

  /** Moves {@code entries} of {@code classes} into a new jar {@code name}. */
  private Path moveToJar(Path classes, String name, String... entries) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(Files.readAllBytes(classes.resolve(entry)));
        zip.closeEntry();
        Files.delete(classes.resolve(entry));
      }
    }
    return jar;
  }

  private Path compile(String path, String text) throws IOException {
    source(path, text);
    Path out = dir.resolve("classes");
    Files.createDirectories(out);
    List<String> files;
    try (var walk = Files.walk(dir.resolve("src"))) {
      files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    // on the test class path, so that a source may use anyfn's API
    String[] args =
        Stream.concat(
                Stream.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")),
                files.stream())
            .toArray(String[]::new);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).isZero();
    return out;
  }
}
