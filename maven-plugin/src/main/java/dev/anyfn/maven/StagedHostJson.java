package dev.anyfn.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Completes the host.json of an Azure staging folder (the project's own, which Microsoft's plugin
 * copied) with the settings {@code anyfn:package} wrote to {@code target/anyfn/azure/host.json} and
 * it leaves unset ({@link AzureHostJson} merges them), and says in the build log what it added and
 * which of the project's own settings it kept. Keeps no state between calls; used on the mojo's
 * thread only, as the Maven log it writes to is.
 */
final class StagedHostJson {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Log log;

  StagedHostJson(Log log) {
    this.log = log;
  }

  /**
   * Completes {@code staging}'s host.json with the settings of {@code generated} (anyfn's) that it
   * leaves unset, or stages {@code generated} where it has none; leaves it as it is, saying why,
   * when anyfn:package wrote no {@code generated}.
   *
   * @throws MojoExecutionException when a host.json cannot be read or written, or is no JSON object
   */
  void complete(Path staging, Path generated) throws MojoExecutionException {
    Path staged = staging.resolve("host.json");
    if (!Files.isRegularFile(generated)) {
      log.info(
          "anyfn: "
              + staged
              + " stays as staged: anyfn:package wrote no "
              + generated
              + " (azure is not among the selected providers, or anyfn:package runs after"
              + " this goal).");
      return;
    }
    try {
      ObjectNode anyfn = object(generated);
      if (!Files.isRegularFile(staged)) {
        Files.copy(generated, staged);
        log.info("anyfn: staged anyfn's host.json at " + staged);
        return;
      }
      AzureHostJson.Completed c = AzureHostJson.complete(object(staged), anyfn);
      if (!c.added().isEmpty()) {
        Files.writeString(staged, JSON.writeValueAsString(c.json()) + "\n");
        log.info(
            "anyfn: completed "
                + staged
                + " with what the project's host.json leaves unset: "
                + String.join(", ", c.added()));
      }
      for (String kept : c.kept()) {
        log.warn(
            "anyfn: "
                + staged
                + " keeps the project's "
                + kept
                + ". Azure follows the project's value; the emulator's azure profile and"
                + " the functions' annotations assume anyfn's.");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Completing " + staged + " failed: " + e.getMessage(), e);
    }
  }

  private static ObjectNode object(Path file) throws IOException, MojoExecutionException {
    JsonNode json = JSON.readTree(file.toFile());
    if (json == null || !json.isObject()) {
      throw new MojoExecutionException(
          file + " is not a JSON object; expected a host.json such as {\"version\": \"2.0\"}.");
    }
    return (ObjectNode) json;
  }
}
