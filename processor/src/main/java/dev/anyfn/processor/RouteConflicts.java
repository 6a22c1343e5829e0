package dev.anyfn.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** Finds routes of one function that are declared twice or match the same requests. */
final class RouteConflicts {
  /** One valid route and the method that declares it. */
  record DeclaredRoute(Trigger.Http trigger, ExecutableElement method) {
    String describe() {
      return trigger.method() + " " + trigger.template().path();
    }

    String methodName() {
      return method.getSimpleName().toString();
    }
  }

  private RouteConflicts() {}

  /** Reports each route that conflicts with an earlier one, on the later route's method. */
  static void check(String function, List<DeclaredRoute> routes, Reporter reporter) {
    for (int later = 1; later < routes.size(); later++) {
      DeclaredRoute b = routes.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        DeclaredRoute a = routes.get(earlier);
        if (a.trigger().method() != b.trigger().method()
            || !a.trigger().template().sameShapeAs(b.trigger().template())) {
          continue;
        }
        if (a.trigger().template().path().equals(b.trigger().template().path())) {
          reporter.error(
              b.method(),
              "Route "
                  + b.describe()
                  + " is declared twice in function '"
                  + function
                  + "': on "
                  + a.methodName()
                  + " and on "
                  + b.methodName()
                  + ". Remove one or change its method or path.");
        } else {
          reporter.error(
              b.method(),
              "Routes "
                  + a.describe()
                  + " (on "
                  + a.methodName()
                  + ") and "
                  + b.describe()
                  + " (on "
                  + b.methodName()
                  + ") in function '"
                  + function
                  + "' are ambiguous: they match the same requests. Use a literal segment to tell"
                  + " them apart.");
        }
        break;
      }
    }
  }

  /**
   * Reports each route that a later function serves again (or ambiguously): on AWS and in the
   * emulator every function's routes are behind one front door, which sends a request to one
   * function.
   */
  static void checkAcross(List<FunctionModel> functions, Reporter reporter) {
    for (int later = 1; later < functions.size(); later++) {
      FunctionModel b = functions.get(later);
      for (HandlerModel hb : b.handlers()) {
        if (!(hb.trigger() instanceof Trigger.Http rb)) {
          continue;
        }
        earlier:
        for (int earlier = 0; earlier < later; earlier++) {
          FunctionModel a = functions.get(earlier);
          for (HandlerModel ha : a.handlers()) {
            if (ha.trigger() instanceof Trigger.Http ra
                && ra.method() == rb.method()
                && ra.template().sameShapeAs(rb.template())) {
              reporter.error(
                  hb.element(),
                  "Route "
                      + rb.method()
                      + " "
                      + rb.template().path()
                      + " of function '"
                      + b.name()
                      + "' (on "
                      + hb.method()
                      + ") matches the requests of route "
                      + ra.method()
                      + " "
                      + ra.template().path()
                      + " of function '"
                      + a.name()
                      + "' (on "
                      + ha.method()
                      + "). On AWS and in the emulator the functions' routes share one front"
                      + " door, which sends a request to one function only. Give one of them"
                      + " another path or method, or serve both from one function.");
              break earlier;
            }
          }
        }
      }
    }
  }
}
