def staging = new File(basedir, 'target/azure-functions/trimmed-app')
def lib = new File(staging, 'lib')
assert lib.isDirectory() : "missing ${lib}"
def jars = lib.list() as Set
def has = { String prefix -> jars.any { it.startsWith(prefix) } }

// Microsoft's plugin staged the app: the project jar, host.json and the function's folder.
assert new File(staging, 'trimmed-1.0.jar').isFile()
assert new File(staging, 'host.json').isFile()
assert new File(staging, 'hello/function.json').isFile()

// What Azure needs stays ...
assert has('anyfn-adapter-azure-') : "adapter removed: ${jars}"
assert has('anyfn-core-') && has('anyfn-api-') : "core removed: ${jars}"
assert has('jackson-databind-') : "Jackson, shared with the other adapters, removed: ${jars}"
// ... the other providers' adapters and what only they pull in go.
assert !has('anyfn-adapter-aws-') && !has('anyfn-adapter-gcp-') : "adapters left: ${jars}"
assert !has('aws-lambda-java-') : "AWS runtime left: ${jars}"
assert !has('protobuf-java-') && !has('cloudevents-') : "Google dependencies left: ${jars}"

def log = new File(basedir, 'build.log').text
assert log.contains('anyfn: removed ')
true
