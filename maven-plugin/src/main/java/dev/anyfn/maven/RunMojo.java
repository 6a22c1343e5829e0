package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.local.Profile;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Serves every function of the project on the local emulator until Ctrl-C: {@code mvn anyfn:run}.
 * Compiles the project first (up to {@code process-classes}); prints the route table and the event
 * triggers when it is ready. While it serves, a new build of {@code target/classes} ({@code mvn
 * compile} in another terminal, or an IDE's build) is served in its place once it has settled, on
 * the same port ({@code -Danyfn.watch=false} turns this off).
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** The port; 0 picks a free one. */
  @Parameter(property = "anyfn.port", defaultValue = "8080")
  private int port;

  /** The address to bind; anything but loopback exposes the functions to the network. */
  @Parameter(property = "anyfn.host", defaultValue = "127.0.0.1")
  private String host;

  /** The provider whose limits to emulate: {@code aws}, {@code gcp} or {@code azure}. */
  @Parameter(property = "anyfn.profile", defaultValue = "aws")
  private String profile;

  /**
   * Environment variables for the functions, on top of this process's own environment (as a cloud
   * sets a function's configured variables).
   */
  @Parameter private Map<String, String> environment = Map.of();

  /**
   * Whether to reload the functions when the build output changes ({@code mvn compile} in another
   * terminal, or an IDE's build), after it has been unchanged for one poll.
   */
  @Parameter(property = "anyfn.watch", defaultValue = "true")
  private boolean watch;

  /** How often the build output is polled, in milliseconds. */
  static final long POLL_MILLIS = 500;

  /** Created by Maven, which then injects the parameters. */
  public RunMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    List<MavenProject> reactor = session.getProjects();
    MavenProject last = reactor.get(reactor.size() - 1);
    if (reactor.size() > 1 && project != last) {
      // mvn anyfn:run from a multi-module root: one emulator for every module's functions, started
      // once the last module is compiled, rather than one per module, of which only the first ran.
      getLog()
          .info(
              "anyfn:run: "
                  + project.getArtifactId()
                  + " is served with the other modules once "
                  + last.getArtifactId()
                  + " is compiled.");
      return;
    }
    List<MavenProject> served = reactor.size() > 1 ? withFunctions(reactor) : List.of(project);
    List<Path> classPath = classPath(served);
    List<Path> watched = classPath.stream().filter(Files::isDirectory).toList();
    String missing = whyNotServable(classPath);
    if (missing != null) {
      if (reactor.size() > 1 && served.size() == 1) {
        // mvn -pl examples/shop -am anyfn:run with no functions at all: nothing to serve.
        getLog().info("anyfn:run: no module of the build has functions; skipped.");
        return;
      }
      throw new MojoFailureException("anyfn:run: " + missing);
    }
    Profile chosen;
    try {
      chosen = Profile.parse(profile);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("anyfn.profile: " + e.getMessage(), e);
    }
    quietJetty();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(environment == null ? Map.of() : environment);
    AtomicReference<URI> address = new AtomicReference<>();
    LiveServer live =
        new LiveServer(
            new EmulatorStarter(classPath, chosen, host, port, env, address, getLog()),
            () -> whyNotServable(classPath),
            new OutputWatch(watched),
            getLog());
    try {
      live.start();
    } catch (Exception e) {
      throw new MojoExecutionException(
          "The emulator did not start on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage()
              + (portTaken(e) ? " With anyfn:run: -Danyfn.port=<another port>." : ""),
          e);
    }
    serveUntilStopped(live, address.get());
  }

  /**
   * Says where the functions are served, then serves them until Ctrl-C (which closes the server
   * from a shutdown hook) or an interrupt, polling the build output for a new build when watching.
   */
  private void serveUntilStopped(LiveServer live, URI address) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              live.close();
              stopped.countDown();
            },
            "anyfn-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    getLog()
        .info(
            "anyfn: serving on "
                + address
                + " - press Ctrl-C to stop."
                + (watch
                    ? " Compiling again (mvn compile, or your IDE's build) reloads the functions;"
                        + " a changed dependency that is not a module of this build needs a restart."
                    : ""));
    try {
      while (!stopped.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (watch) {
          live.poll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      live.close();
    }
  }

  /**
   * What packaging would refuse, for the provider {@code profile} emulates, one line per problem;
   * empty when the profile's packager is not at hand.
   */
  static List<String> notDeployable(Packagers packagers, Profile profile, FunctionIndex index) {
    String provider = profile.name().toLowerCase(java.util.Locale.ROOT);
    if (!packagers.has(provider)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String problem : packagers.packager(provider).portabilityProblems(index)) {
      out.add(
          "anyfn: the emulator runs this under the "
              + provider
              + " profile, but mvn package would refuse it for "
              + provider
              + ": "
              + problem);
    }
    return out;
  }

  /** Maven's logger reads a logger's level from this property when the logger is made. */
  static final String JETTY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

  /**
   * Keeps the emulator's Jetty to warnings in Maven's log: its start and stop lines at info would
   * repeat on every reload, between the emulator's own. Set before Jetty makes its loggers; a level
   * the user set on the command line is kept.
   */
  static void quietJetty() {
    if (System.getProperty(JETTY_LOG_LEVEL) == null) {
      System.setProperty(JETTY_LOG_LEVEL, "warn");
    }
  }

  /** Whether the start failed because something else listens on the port. */
  static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Of a multi-module build, the modules whose classes hold a function index, and the last module
   * (which may deploy the others' functions from its dependencies), in the build's order.
   */
  private static List<MavenProject> withFunctions(List<MavenProject> reactor) {
    MavenProject last = reactor.get(reactor.size() - 1);
    return reactor.stream()
        .filter(
            p ->
                p == last
                    || Files.isRegularFile(
                        Path.of(p.getBuild().getOutputDirectory()).resolve(FunctionIndex.RESOURCE)))
        .toList();
  }

  /** The class path of {@code projects}: each one's classes, then its runtime dependencies. */
  private static List<Path> classPath(List<MavenProject> projects) {
    List<ClassPathEntry> entries = new ArrayList<>();
    for (MavenProject p : projects) {
      entries.add(
          new ClassPathEntry(
              p.getGroupId() + ":" + p.getArtifactId(),
              Path.of(p.getBuild().getOutputDirectory())));
      for (Artifact artifact : p.getArtifacts()) {
        if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()) {
          entries.add(
              new ClassPathEntry(
                  artifact.getGroupId() + ":" + artifact.getArtifactId(),
                  artifact.getFile().toPath()));
        }
      }
    }
    return firstOfEach(entries);
  }

  /** One entry of a module's class path: its {@code groupId:artifactId} and file or directory. */
  record ClassPathEntry(String key, Path file) {}

  /**
   * The class path of several modules' class paths, in order: each artifact once, at its first
   * place (a module one served module depends on comes as its classes, or as its jar, once).
   */
  static List<Path> firstOfEach(List<ClassPathEntry> entries) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    List<Path> paths = new ArrayList<>();
    for (ClassPathEntry entry : entries) {
      if (keys.add(entry.key())) {
        paths.add(entry.file().toAbsolutePath().normalize());
      }
    }
    return paths;
  }

  /** Each class path entry as a place functions may be, its project's classes first. */
  static List<ProjectFunctions.Source> sources(List<Path> classPath) {
    return classPath.stream().map(p -> new ProjectFunctions.Source(p.toString(), p)).toList();
  }

  /**
   * Why the class path cannot be served now (no index, or clashing functions); null when it can.
   */
  private static String whyNotServable(List<Path> classPath) {
    try {
      ProjectFunctions.read(classPath.get(0), sources(classPath));
      return null;
    } catch (MojoFailureException e) {
      return e.getMessage();
    }
  }
}
