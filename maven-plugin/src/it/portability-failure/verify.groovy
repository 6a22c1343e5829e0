// Packaging is refused before any jar is written, naming provider, function and reason, and the
// providers that could deploy the project.
def log = new File(basedir, 'build.log').text
assert log.contains('anyfn cannot package these functions for every selected provider:')
assert log.contains("  - gcp: Function 'sweeper' runs at rate '7m'")
assert log.contains("  - azure: Function 'sweeper' (sweep, SCHEDULE rate 7m) runs every '7m'")
assert log.contains('package only the providers that can deploy them, e.g. -Danyfn.providers=aws.')
assert !new File(basedir, 'target/unportable-aws.jar').exists()
true
