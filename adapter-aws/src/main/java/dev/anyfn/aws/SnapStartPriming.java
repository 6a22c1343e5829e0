package dev.anyfn.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart priming hook: before Lambda snapshots the initialised sandbox, create the
 * function's instance (constructor and {@code @OnInit}) and send one request through the adapter's
 * translation and the core's routing, so the snapshot holds loaded classes and warm code paths.
 * Registered only when the template enables SnapStart ({@code ANYFN_AWS_SNAPSTART=true}).
 */
final class SnapStartPriming implements Resource {
  private final LambdaHandler handler;

  private SnapStartPriming(LambdaHandler handler) {
    this.handler = handler;
  }

  /** Registers the hook; the returned object must stay reachable (CRaC holds resources weakly). */
  static SnapStartPriming register(LambdaHandler handler) {
    SnapStartPriming priming = new SnapStartPriming(handler);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    handler.prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    handler.restored();
  }
}
