package dev.anyfn.gcp;

import java.util.List;

/**
 * The part of {@code deploy.sh} that reports the deployments of disabled functions ({@code
 * maxInstances = 0}, {@link GcpDeploymentPlan#stale}): the plan deploys none, but one an earlier
 * deploy made keeps running, and the script warns about each it finds rather than delete it, as
 * deleting a deployment drops the messages waiting in its subscription. Stateless.
 */
final class StaleDeployments {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  private StaleDeployments() {}

  /**
   * Warns about a deployment that exists although its function is disabled. It is not deleted:
   * deleting a deployment deletes its Eventarc subscription and the messages waiting in it.
   */
  private static final String STALE_FUNCTION =
      """
      still_deployed() {
        if gcloud functions describe "$1" --gen2 --project "$PROJECT" --region "$REGION" \\
            >/dev/null 2>&1; then
          echo "WARNING: deployment $1 is still deployed, but its function is disabled" \\
            "(maxInstances = 0); it keeps taking its messages. Delete it when its backlog is" \\
            "handled (deleting it drops what waits in its subscription):" \\
            "gcloud functions delete $1 --gen2 --project $PROJECT --region $REGION" >&2
        fi
      }
      """;

  /**
   * Appends the check of each {@code stale} deployment, which warns if it exists; none for none.
   */
  static void report(StringBuilder s, List<String> stale) {
    if (stale.isEmpty()) {
      return;
    }
    s.append('\n')
        .append("# Disabled functions (maxInstances = 0) are not deployed; a deployment an earlier")
        .append(" deploy made for\n# one keeps running and is reported, not deleted: deleting")
        .append(" it would drop its backlog.\n")
        .append(STALE_FUNCTION);
    stale.forEach(
        name ->
            s.append("still_deployed ").append(BashWords.word(NAME_PREFIX + name)).append('\n'));
  }
}
