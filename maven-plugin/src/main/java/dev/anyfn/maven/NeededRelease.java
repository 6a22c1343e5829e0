package dev.anyfn.maven;

import dev.anyfn.core.packaging.JavaReleases;
import java.io.IOException;
import java.util.List;

/**
 * The Java release the packaged classes need, the highest of the project's classes and of the
 * function modules packaged with them (each cloud's Java runtime must load them all), and the
 * classes that need it.
 *
 * @param release the release, at least {@link JavaReleases#MINIMUM}
 * @param source the first classes that need it
 */
record NeededRelease(int release, ProjectFunctions.Source source) {
  /**
   * The release {@code packagedClasses} (classes directories and jars, {@link
   * ProjectFunctions#packagedClasses}) need.
   *
   * @throws IOException when a class file cannot be read
   */
  static NeededRelease of(List<ProjectFunctions.Source> packagedClasses) throws IOException {
    NeededRelease needed = new NeededRelease(JavaReleases.MINIMUM, packagedClasses.get(0));
    for (ProjectFunctions.Source source : packagedClasses) {
      int release = ClassReferences.readAsDirectory(source.file(), JavaReleases::neededBy);
      if (release > needed.release()) {
        needed = new NeededRelease(release, source);
      }
    }
    return needed;
  }

  /**
   * A sentence naming the module whose classes need the release when they are not {@code project}'s
   * own (a problem's fix then goes into that module); empty otherwise.
   */
  String where(ProjectFunctions.Source project) {
    if (source.equals(project)) {
      return "";
    }
    return "\nThe classes compiled for Java "
        + release
        + " are those of "
        + source.origin()
        + ": change its <maven.compiler.release>, or the runtime, as said above.";
  }
}
