def staging = new File(basedir, 'target/azure-functions/trimmed-app')
def lib = new File(staging, 'lib')
assert lib.isDirectory() : "missing ${lib}"
def jars = lib.list() as Set
def has = { String prefix -> jars.any { it.startsWith(prefix) } }

// Microsoft's plugin staged the app: the project jar, host.json and the function's folder.
assert new File(staging, 'trimmed-1.0.jar').isFile()
assert new File(staging, 'host.json').isFile()
assert new File(staging, 'hello/function.json').isFile()

// The staged host.json is the project's, completed with what anyfn's sets and it leaves unset.
def host = new groovy.json.JsonSlurper().parse(new File(staging, 'host.json'))
assert host.functionTimeout == '00:00:30' : "host.json: ${host}"
assert host.extensions.http.maxConcurrentRequests == 100 : "host.json: ${host}"
assert host.extensions.http.routePrefix == ''

// What Azure needs stays ...
assert has('anyfn-adapter-azure-') : "adapter removed: ${jars}"
assert has('anyfn-core-') && has('anyfn-api-') : "core removed: ${jars}"
assert has('jackson-databind-') : "Jackson, shared with the other adapters, removed: ${jars}"
// ... the other providers' adapters and what only they pull in go.
assert !has('anyfn-adapter-aws-') && !has('anyfn-adapter-gcp-') : "adapters left: ${jars}"
assert !has('aws-lambda-java-') : "AWS runtime left: ${jars}"
assert !has('protobuf-java-') && !has('cloudevents-') : "Google dependencies left: ${jars}"

// The AWS SDK the project declares for sending on AWS: only in the AWS package (no class of the
// project uses it; anyfn-adapter-aws does).
assert !has('sqs-') && !has('sdk-core-') && !has('url-connection-client-') : "AWS SDK left: ${jars}"
def entries = { String name ->
  new java.util.zip.ZipFile(new File(basedir, "target/${name}")).withCloseable { zip ->
    zip.entries().collect { it.name } as Set
  }
}
assert entries('trimmed-aws.jar').contains('software/amazon/awssdk/services/sqs/SqsClient.class')
assert !entries('trimmed-gcp.jar').any { it.startsWith('software/amazon/awssdk/') }
assert !entries('trimmed-azure.jar').any { it.startsWith('software/amazon/awssdk/') }

def log = new File(basedir, 'build.log').text
assert log.contains('anyfn: gcp: left out ') && log.contains(' jar(s) of software.amazon.awssdk, which only anyfn-adapter-aws uses')
assert log.contains('anyfn: removed ')
// The first invocation selected aws and gcp only: the staging folder Microsoft's plugin wrote
// was removed, not left looking deployable.
assert log.contains('anyfn: azure is not among the selected providers (anyfn.providers=aws,gcp): removed ')
assert log.contains('which azure-functions:package wrote and anyfn did not check')
true
