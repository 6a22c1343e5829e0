package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.local.Emulator;
import dev.anyfn.local.Profile;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Starts the generations {@code anyfn:run} serves: each time, the class path as it is now in a new
 * class loader (anyfn's API shared with the plugin's), on a new emulator of the profile, after
 * warning about what {@code mvn package} would refuse for the cloud the profile emulates. The first
 * generation's address is kept in {@code served}, which the mojo reads and every later generation
 * binds to. {@link LiveServer} calls it at start and on each reload, one call at a time.
 */
final class EmulatorStarter implements LiveServer.Starter {
  private final List<Path> classPath;
  private final Profile chosen;
  private final String host;
  private final int port;
  private final Map<String, String> env;
  private final AtomicReference<URI> served;
  private final Log log;

  /**
   * A starter of {@code classPath} (the served project's classes first) on {@code host}, on {@code
   * port} until a generation has run ({@code 0} picks a free port).
   */
  EmulatorStarter(
      List<Path> classPath,
      Profile chosen,
      String host,
      int port,
      Map<String, String> env,
      AtomicReference<URI> served,
      Log log) {
    this.classPath = classPath;
    this.chosen = chosen;
    this.host = host;
    this.port = port;
    this.env = env;
    this.served = served;
    this.log = log;
  }

  /**
   * One generation: the project's classes in a new class loader, on an emulator bound to the port
   * the first one got (so that a reload keeps the address, even when the configured port was 0).
   *
   * @throws MojoExecutionException when a class path entry is no URL
   */
  @Override
  public LiveServer.Generation start() throws MojoExecutionException {
    warnNotDeployable();
    URLClassLoader loader = projectClassLoader();
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(loader); // the emulator's threads inherit it
    try {
      Emulator emulator =
          Emulator.builder()
              .classLoader(loader)
              .profile(chosen)
              .host(host)
              .port(served.get() == null ? port : served.get().getPort())
              .environment(env)
              .build()
              .start();
      served.set(emulator.baseUri());
      return () -> {
        emulator.close();
        closeQuietly(loader);
      };
    } catch (RuntimeException | Error e) {
      closeQuietly(loader);
      throw e;
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  /**
   * Warns, on every start and reload, about what {@code mvn package} would refuse for the cloud the
   * profile emulates (a timer zone on Azure, a deletion trigger on Cosmos DB, a name the cloud does
   * not take): the emulator runs such functions as written, the cloud would not get them.
   */
  private void warnNotDeployable() {
    FunctionIndex index;
    try {
      index = ProjectFunctions.read(classPath.get(0), RunMojo.sources(classPath));
    } catch (MojoFailureException e) {
      return; // the start that follows says what is missing
    }
    for (String warning :
        RunMojo.notDeployable(Packagers.load(RunMojo.class.getClassLoader()), chosen, index)) {
      log.warn(warning);
    }
  }

  private void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      log.debug("Closing the project class loader failed: " + e);
    }
  }

  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (Path entry : classPath) {
        urls.add(entry.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new MojoExecutionException("A class path entry is not a valid URL: " + e, e);
    }
    log.debug("anyfn:run class path: " + urls);
    return new URLClassLoader(
        "anyfn-project",
        urls.toArray(URL[]::new),
        new SharedApiClassLoader(RunMojo.class.getClassLoader()));
  }
}
