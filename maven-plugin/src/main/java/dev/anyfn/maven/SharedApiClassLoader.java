package dev.anyfn.maven;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of the project's class loader under {@code anyfn:run}: it shares with the plugin only
 * the anyfn classes (so the emulator and the user's functions agree on {@code
 * dev.anyfn.HttpRequest} and friends) and Jackson (so the core's JSON binding sees the user's
 * Jackson annotations). Every other class comes from the JDK or from the project itself, never from
 * Maven's or the plugin's class path.
 */
final class SharedApiClassLoader extends ClassLoader {
  static final List<String> SHARED_PACKAGES = List.of("dev.anyfn.", "com.fasterxml.jackson.");

  private final ClassLoader plugin;

  SharedApiClassLoader(ClassLoader plugin) {
    super("anyfn-shared", ClassLoader.getPlatformClassLoader());
    this.plugin = plugin;
  }

  static boolean isShared(String className) {
    return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  private static boolean isSharedResource(String name) {
    return isShared(name.replace('/', '.'));
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      // A class of the project that lives in an anyfn package (generated Azure entry classes)
      // is not in the plugin: the ClassNotFoundException sends the project loader to its own jars.
      return plugin.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return isSharedResource(name) ? plugin.getResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return isSharedResource(name)
        ? plugin.getResources(name)
        : Collections.enumeration(Collections.list(super.getResources(name)));
  }
}
