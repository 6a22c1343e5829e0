import java.util.zip.ZipFile

def target = new File(basedir, 'target')
def names = { String name ->
  def file = new File(target, name)
  assert file.isFile() : "missing ${file}"
  new ZipFile(file).withCloseable { zip -> zip.entries().collect { it.name } as Set }
}
def aws = names('selected-aws.jar')
def gcp = names('selected-gcp.jar')

// no anyfn.providers: the providers whose adapters the project depends on (aws, gcp), not azure
assert !new File(target, 'selected-azure.jar').exists() : 'the project has no azure adapter'
assert new File(target, 'anyfn/aws/template.yaml').isFile()
assert new File(target, 'anyfn/gcp/deploy.sh').isFile()

assert aws.contains('com/example/it/Hello.class')
assert aws.contains('META-INF/anyfn/functions.json')
assert aws.contains('dev/anyfn/aws/') && gcp.contains('dev/anyfn/gcp/')
// Each jar holds the shared code ...
assert aws.contains('dev/anyfn/core/') && gcp.contains('dev/anyfn/core/')
assert aws.contains('com/fasterxml/jackson/databind/') && gcp.contains('com/fasterxml/jackson/databind/')
// ... and nothing of the other provider.
assert !aws.contains('dev/anyfn/gcp/') && !aws.contains('com/google/protobuf/')
assert !gcp.contains('dev/anyfn/aws/') && !gcp.contains('com/amazonaws/')

// The routes' OpenAPI document: in each jar, and beside the descriptors.
assert aws.contains('META-INF/anyfn/openapi.json') && gcp.contains('META-INF/anyfn/openapi.json')
def openapi = new groovy.json.JsonSlurper().parse(new File(target, 'anyfn/openapi.json'))
assert openapi.openapi == '3.1.0' : "openapi.json: ${openapi}"
assert openapi.paths['/hello'].get != null : "openapi.json: ${openapi}"
assert new File(basedir, 'build.log').text.contains('anyfn: OpenAPI document of the routes -> target/anyfn/openapi.json')
true
