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
}
