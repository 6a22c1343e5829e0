package dev.anyfn.gcp;

import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Optional;

/**
 * Where the Eventarc trigger of a storage or Firestore deployment goes: Eventarc takes a bucket's
 * or a database's events only in its location, which may be a multi-region where no function can
 * run, so {@code deploy.sh} reads the location ({@code bucket_location}, {@code
 * firestore_location}) into {@code $LOCATION} before such a deployment and places its trigger there
 * ({@link #TRIGGER_LOCATION}); the function runs in {@code REGION}. Stateless.
 */
final class EventarcLocations {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  /** The flag of a deployment whose trigger goes where {@link #location} found. */
  static final String TRIGGER_LOCATION = "--trigger-location \"$LOCATION\"";

  private EventarcLocations() {}

  /** Appends the shell functions that read the locations the deployments need, if any. */
  static void functions(StringBuilder s, List<GcpDeployment> deployments) {
    if (deployments.stream().anyMatch(d -> bucket(d).isPresent())) {
      s.append(BUCKET_LOCATION_FUNCTION);
    }
    if (deployments.stream().anyMatch(EventarcLocations::readsFirestore)) {
      s.append(FIRESTORE_LOCATION_FUNCTION);
    }
  }

  /**
   * Before deployment {@code d}: sets {@code $LOCATION} to where its trigger must be, for a storage
   * or Firestore deployment; whether it did.
   */
  static boolean location(StringBuilder s, GcpDeployment d) {
    Optional<String> bucket = bucket(d);
    bucket.ifPresent(
        b ->
            s.append("LOCATION=\"$(bucket_location ")
                .append(BashWords.word(NAME_PREFIX + b))
                .append(")\"\n"));
    boolean firestore = readsFirestore(d);
    if (firestore) {
      s.append("LOCATION=\"$(firestore_location)\"\n");
    }
    return bucket.isPresent() || firestore;
  }

  /** The bucket of a storage deployment. */
  private static Optional<String> bucket(GcpDeployment d) {
    return d.trigger()
        .filter(TriggerSpec.Storage.class::isInstance)
        .map(t -> ((TriggerSpec.Storage) t).bucket());
  }

  /**
   * Eventarc takes a bucket's events only in the bucket's location, which may be a multi-region
   * ({@code us}, {@code eu}) where no function can run, so a storage deployment's trigger is placed
   * where its bucket is ({@code --trigger-location}), read from the bucket; a bucket that does not
   * exist stops the script before that deployment.
   */
  private static final String BUCKET_LOCATION_FUNCTION =
      """

      # bucket_location BUCKET: where BUCKET is, in lower case (us-central1, us, eu), where the
      # Eventarc trigger of its events must be.
      bucket_location() {
        local location
        if ! location="$(gcloud storage buckets describe "gs://$1" --project "$PROJECT" \\
            --format='value(location)')"; then
          echo "deploy.sh: bucket gs://$1 was not found in project $PROJECT; create it first" \\
            "(gcloud storage buckets create gs://$1 --location <region>)." >&2
          return 1
        fi
        echo "$location" | tr '[:upper:]' '[:lower:]'
      }
      """;

  /** Whether {@code d} takes the document events of the project's Firestore database. */
  private static boolean readsFirestore(GcpDeployment d) {
    return d.trigger().filter(TriggerSpec.DataChange.class::isInstance).isPresent();
  }

  /**
   * Eventarc takes a Firestore database's events only in the database's location, which may be a
   * multi-region ({@code nam5}, {@code eur3}) where no function can run, so a Firestore
   * deployment's trigger is placed where the {@code (default)} database is ({@code
   * --trigger-location}), read from the database, and the function runs in {@code REGION}; a
   * project without that database stops the script before that deployment.
   */
  private static final String FIRESTORE_LOCATION_FUNCTION =
      """

      # firestore_location: where the project's (default) Firestore database is (nam5, eur3,
      # europe-west1), where the Eventarc trigger of its document events must be.
      firestore_location() {
        local location
        if ! location="$(gcloud firestore databases describe --database='(default)' \\
            --project "$PROJECT" --format='value(locationId)')"; then
          echo "deploy.sh: the (default) Firestore database was not found in project $PROJECT;" \\
            "create it first (gcloud firestore databases create --location <region>)." >&2
          return 1
        fi
        echo "$location" | tr '[:upper:]' '[:lower:]'
      }
      """;
}
