package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatJarTest {
  private static final Instant TIME = Instant.parse("2026-11-27T00:00:00Z");

  @TempDir Path dir;

  @Test
  void sameInputsGiveIdenticalBytes() throws IOException {
    Path classes = classes();
    Path dep = jar("dep.jar", Map.of("lib/A.class", "a", "lib/B.class", "b"));
    Path first = dir.resolve("first.jar");
    Path second = dir.resolve("second.jar");
    new FatJar(TIME).addDirectory(classes, n -> true).addJar(dep, n -> true).writeTo(first);
    new FatJar(TIME).addDirectory(classes, n -> true).addJar(dep, n -> true).writeTo(second);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void theUncompressedSizeCountsEveryFileOfTheClassesAndTheJars() throws IOException {
    FatJar fat =
        new FatJar(TIME)
            .addDirectory(classes(), n -> true)
            .addJar(jar("dep.jar", Map.of("lib/A.class", "aaa", "lib/B.class", "bb")), n -> true);

    // "shop" + "aaa" + "bb"; the function index is merged and written apart
    assertThat(fat.uncompressedSize()).isEqualTo(9);
  }

  @Test
  void entriesAreSortedAfterTheManifestAndCarryTheOutputTimestamp() throws IOException {
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addJar(jar("z.jar", Map.of("z/Z.class", "z")), n -> true)
        .addDirectory(classes(), n -> true)
        .writeTo(out);

    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(out.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        names.add(e.getName());
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.ofInstant(TIME, ZoneOffset.UTC));
      }
    }
    assertThat(names.subList(0, 2)).containsExactly("META-INF/", "META-INF/MANIFEST.MF");
    assertThat(names.subList(2, names.size())).isSorted();
    assertThat(names).contains("com/", "com/example/", "com/example/Shop.class", "z/Z.class");
  }

  @Test
  void dependencyEntriesThePackagerDoesNotKeepAreLeftOut() throws IOException {
    Path out = dir.resolve("kept.jar");
    new FatJar(TIME)
        .addJar(
            jar("events.jar", Map.of("ev/keep/A.class", "a", "ev/drop/B.class", "b")),
            name -> !name.startsWith("ev/drop/"))
        .writeTo(out);
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(out.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        names.add(e.getName());
      }
    }
    assertThat(names).contains("ev/keep/A.class").doesNotContain("ev/drop/B.class", "ev/drop/");
  }

  @Test
  void projectClassesWinOverADependencyWithTheSameEntry() throws IOException {
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addDirectory(classes(), n -> true)
        .addJar(jar("dep.jar", Map.of("com/example/Shop.class", "from dependency")), n -> true)
        .writeTo(out);

    assertThat(read(out, "com/example/Shop.class")).isEqualTo("shop");
  }

  @Test
  void serviceFilesAreMergedWithoutDuplicatesOrComments() throws IOException {
    String service = "META-INF/services/dev.anyfn.Thing";
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addJar(jar("a.jar", Map.of(service, "# licence\na.One\na.Two # trailing\n")), n -> true)
        .addJar(jar("b.jar", Map.of(service, "b.Three\r\na.One\n")), n -> true)
        .writeTo(out);

    assertThat(read(out, service)).isEqualTo("a.One\na.Two\nb.Three\n");
  }

  @Test
  void dependencySignaturesManifestsAndModuleDescriptorsAreDropped() throws IOException {
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addJar(
            jar(
                "signed.jar",
                Map.of(
                    "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n",
                    "META-INF/SIGNER.SF", "x",
                    "META-INF/SIGNER.RSA", "x",
                    "module-info.class", "x",
                    "META-INF/versions/11/module-info.class", "x",
                    "lib/Kept.class", "kept")),
            n -> true)
        .writeTo(out);

    try (JarFile jar = new JarFile(out.toFile())) {
      assertThat(jar.getEntry("META-INF/SIGNER.SF")).isNull();
      assertThat(jar.getEntry("META-INF/SIGNER.RSA")).isNull();
      assertThat(jar.getEntry("module-info.class")).isNull();
      assertThat(jar.getEntry("META-INF/versions/11/module-info.class")).isNull();
      assertThat(jar.getEntry("lib/Kept.class")).isNotNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
      assertThat(jar.getManifest().getMainAttributes().getValue("Created-By"))
          .isEqualTo("anyfn-maven-plugin");
    }
  }

  @Test
  void functionIndexesOfSeveralSourcesAreMergedSortedByName() throws IOException {
    String index = "META-INF/anyfn/functions.json";
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addJar(
            jar("a.jar", Map.of(index, "{\"formatVersion\":1,\"functions\":[{\"name\":\"z\"}]}")),
            n -> true)
        .addJar(
            jar("b.jar", Map.of(index, "{\"formatVersion\":1,\"functions\":[{\"name\":\"a\"}]}")),
            n -> true)
        .writeTo(out);

    assertThat(read(out, index))
        .isEqualTo("{\"formatVersion\":1,\"functions\":[{\"name\":\"a\"},{\"name\":\"z\"}]}");
  }

  @Test
  void openApiDocumentsOfSeveralSourcesAreMergedTheFirstOneWinningOnClashes() throws IOException {
    String doc = "META-INF/anyfn/openapi.json";
    Path out = dir.resolve("out.jar");
    new FatJar(TIME)
        .addJar(
            jar(
                "a.jar",
                Map.of(doc, "{\"info\":{\"title\":\"a\"},\"paths\":{\"/a\":{\"get\":{}}}}")),
            n -> true)
        .addJar(
            jar(
                "b.jar",
                Map.of(doc, "{\"info\":{\"title\":\"b\"},\"paths\":{\"/b\":{\"get\":{}}}}")),
            n -> true)
        .writeTo(out);

    assertThat(read(out, doc).replaceAll("\\s", ""))
        .isEqualTo(
            "{\"info\":{\"title\":\"a\"},\"paths\":{\"/a\":{\"get\":{}},\"/b\":{\"get\":{}}},"
                + "\"tags\":[],\"components\":{\"schemas\":{}}}");
  }

  @Test
  void theIncludeFilterLeavesProjectFilesOut() throws IOException {
    Path classes = classes();
    write(classes.resolve("dev/anyfn/generated/azure/ShopAzure.class"), "azure");
    Path aws = dir.resolve("aws.jar");
    Path azure = dir.resolve("azure.jar");
    new FatJar(TIME).addDirectory(classes, n -> PackageMojo.belongsTo("aws", n)).writeTo(aws);
    new FatJar(TIME).addDirectory(classes, n -> PackageMojo.belongsTo("azure", n)).writeTo(azure);

    try (ZipFile a = new ZipFile(aws.toFile());
        ZipFile z = new ZipFile(azure.toFile())) {
      assertThat(a.getEntry("dev/anyfn/generated/azure/ShopAzure.class")).isNull();
      assertThat(a.getEntry("com/example/Shop.class")).isNotNull();
      assertThat(z.getEntry("dev/anyfn/generated/azure/ShopAzure.class")).isNotNull();
    }
  }

  private Path classes() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("com/example/Shop.class"), "shop");
    write(
        classes.resolve("META-INF/anyfn/functions.json"), "{\"formatVersion\":1,\"functions\":[]}");
    return classes;
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : new java.util.TreeSet<>(entries.keySet())) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String read(Path jar, String entry) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return new String(
          zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
