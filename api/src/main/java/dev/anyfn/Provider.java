package dev.anyfn;

/** Where a function runs. */
public enum Provider {
  /** AWS Lambda. */
  AWS,
  /** Google Cloud Run functions (Cloud Functions 2nd gen). */
  GCP,
  /** Azure Functions. */
  AZURE,
  /** The anyfn local emulator. */
  LOCAL
}
