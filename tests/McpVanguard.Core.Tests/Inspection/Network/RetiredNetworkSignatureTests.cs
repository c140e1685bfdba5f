using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Network;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Network;

/// <summary>
/// The SSRF analyser as the one home of the URL/SSRF class: the examples of the network.yaml signatures it replaced
/// (NET-001…008), attacks and benign look-alikes, plus the spellings those signatures did not know.
/// </summary>
public sealed class RetiredNetworkSignatureTests
{
    private static readonly SsrfInspector Inspector = new();

    private static List<Finding> Call(string tool, string argumentsJson) =>
        Run(Inspector, FromJson($$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":{{{JsonSerializer.Serialize(tool)}}},"arguments":{{{argumentsJson}}}}}"""));

    [Theory]
    [InlineData("NET-001", "fetch", """{"url": "http://169.254.169.254/latest/meta-data/iam/security-credentials/"}""", "SSRF-001")]
    [InlineData("NET-001", "run_command", """{"command": "curl -s http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}""", "SSRF-001")]
    [InlineData("NET-001", "fetch", """{"url": "http://[fd00:ec2::254]/latest/api/token"}""", "SSRF-001")]
    [InlineData("NET-002", "fetch", """{"url": "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token"}""", "SSRF-001")]
    [InlineData("NET-002", "http_request", """{"url": "http://instance-data/latest/meta-data/"}""", "SSRF-001")]
    [InlineData("NET-003", "fetch", """{"url": "http://2852039166/latest/meta-data/"}""", "SSRF-001")]
    [InlineData("NET-003", "fetch", """{"url": "http://0xa9fea9fe/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"}""", "SSRF-001")]
    [InlineData("NET-003", "run_command", """{"command": "curl -H 'Metadata-Flavor: Google' http://metadata/computeMetadata/v1/project/"}""", "SSRF-001")]
    // CR/LF decoded inside the URL is the smuggling itself: SSRF-008 blocks it before the scheme is judged.
    [InlineData("NET-004", "fetch", """{"url": "gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A"}""", "SSRF-008")]
    [InlineData("NET-004", "fetch", """{"url": "gopher://127.0.0.1:6379/_FLUSHALL"}""", "SSRF-002")]
    [InlineData("NET-004", "run_command", """{"command": "curl dict://10.0.0.3:11211/stats"}""", "SSRF-002")]
    [InlineData("NET-004", "fetch", """{"url": "php://filter/convert.base64-encode/resource=index.php"}""", "SSRF-002")]
    [InlineData("NET-005", "fetch", """{"url": "file:///etc/passwd"}""", "SSRF-002")]
    [InlineData("NET-005", "fetch", """{"url": "file://localhost/proc/self/environ"}""", "SSRF-002")]
    [InlineData("NET-005", "fetch", """{"url": "file:///C:/Windows/win.ini"}""", "SSRF-002")]
    [InlineData("NET-006", "fetch", """{"url": "http://localhost:8080/admin"}""", "SSRF-003")]
    // Loopback and private addresses on a well-known internal service's port or path block (SSRF-011), not only warn.
    [InlineData("NET-006", "fetch", """{"url": "http://[::1]:6379/"}""", "SSRF-011")]
    [InlineData("NET-006", "run_command", """{"command": "curl http://127.0.0.1:9200/_cat/indices"}""", "SSRF-011")]
    [InlineData("NET-007", "fetch", """{"url": "http://10.0.3.7:8500/v1/kv/?recurse"}""", "SSRF-011")]
    [InlineData("NET-007", "fetch", """{"url": "https://grafana.corp/api/dashboards"}""", "SSRF-004")]
    [InlineData("NET-008", "fetch", """{"url": "http://10.0.0.2:2375/containers/json"}""", "SSRF-010")]
    [InlineData("NET-008", "run_command", """{"command": "curl -k https://node1:10250/pods"}""", "SSRF-010")]
    public void Former_signature_attacks_are_found_by_the_analyser(string formerRule, string tool, string arguments, string rule)
    {
        Assert.True(Call(tool, arguments).Exists(f => f.RuleId == rule), $"{formerRule} example not caught as {rule}: {arguments}");
    }

    [Theory]
    [InlineData("""{"path": "docs/ssrf.md", "content": "Our filter must refuse http://169.254.169.254/latest/meta-data/ and 100.100.100.200."}""", "write_file")]
    [InlineData("""{"message": "fix(ssrf): refuse redirects to 169.254.169.254 and fd00:ec2::254"}""", "git_commit")]
    [InlineData("""{"title": "Block 169.254.169.254 in the URL fetcher", "head": "ssrf-fix", "base": "main"}""", "create_pull_request")]
    [InlineData("""{"url": "https://api.github.com/repos/dotnet/runtime"}""", "fetch")]
    [InlineData("""{"path": "tests/test_ssrf.py", "content": "BLOCKED = ['http://metadata.google.internal/computeMetadata/v1/']"}""", "write_file")]
    [InlineData("""{"url": "https://cloud.google.com/compute/docs/metadata/overview"}""", "fetch")]
    [InlineData("""{"message": "deny metadata.google.internal in egress policy"}""", "git_commit")]
    [InlineData("""{"subject": "Incident: requests to metadata.google.internal from build runners"}""", "send_email")]
    [InlineData("""{"path": "src/metadata.json"}""", "read_file")]
    [InlineData("""{"url": "https://api.example.com/latest/releases"}""", "fetch")]
    [InlineData("""{"url": "https://registry.npmjs.org/-/v1/search?text=metadata"}""", "fetch")]
    [InlineData("""{"url": "https://example.com/docs/gopher-protocol"}""", "fetch")]
    [InlineData("""{"command": "git clone git@github.com:org/repo.git && ldapsearch -H ldap://ldap.example.com"}""", "run_command")]
    [InlineData("""{"url": "https://example.com:8443/status"}""", "fetch")]
    [InlineData("""{"url": "https://api.github.com/user"}""", "fetch")]
    [InlineData("""{"url": "http://localhost.example.com/"}""", "fetch")]
    [InlineData("""{"url": "https://172.217.3.110/"}""", "fetch")]
    [InlineData("""{"url": "http://10.example.com/"}""", "fetch")]
    public void Former_signature_look_alikes_pass(string arguments, string tool)
    {
        Assert.Empty(Call(tool, arguments));
    }

    /// <summary>Where the analyser's judgement differs from the deleted signature's, and why it was kept.</summary>
    [Theory]
    // A fetcher given any file:// URL reads local files past the path jail, not only system ones (NET-005 let these pass).
    [InlineData("""{"url": "file:///home/dev/project/index.html"}""", "fetch", "SSRF-002")]
    [InlineData("""{"url": "file:///C:/Users/dev/project/report.pdf"}""", "fetch", "SSRF-002")]
    // A link-local address is not metadata, but still internal: a warning (NET-001 let it pass).
    [InlineData("""{"url": "http://169.254.10.20/status"}""", "fetch", "SSRF-005")]
    // Loopback is a warning, which strict escalates; NET-008's look-alike on port 3000 is no infrastructure API.
    [InlineData("""{"url": "http://localhost:3000/api/health"}""", "fetch", "SSRF-003")]
    public void Analyser_keeps_its_own_judgement(string arguments, string tool, string rule)
    {
        Assert.Equal(rule, Assert.Single(Call(tool, arguments)).RuleId);
    }

    [Theory]
    // Metadata API paths through any host: DNS rebinding names, open redirects, nested URLs.
    [InlineData("fetch", """{"url": "http://rebind.attacker.example/latest/meta-data/iam/security-credentials/"}""", "SSRF-001")]
    [InlineData("fetch", """{"url": "https://httpbin.org/redirect-to?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F"}""", "SSRF-001")]
    [InlineData("fetch", """{"url": "https://proxy.example/fetch?target=http://169.254.169.254/"}""", "SSRF-001")]
    [InlineData("fetch", """{"url": "https://evil.example/opc/v2/instance/"}""", "SSRF-001")]
    // Homoglyph host names are read as the resolver folds them.
    [InlineData("fetch", """{"url": "http://metadata.g\u03bfogle.internal/"}""", "SSRF-001")]
    // Plainly written metadata addresses in any argument, and in commands of any client.
    [InlineData("connect", """{"ip": "169.254.169.254"}""", "SSRF-001")]
    [InlineData("connect", """{"server": "[fd00:ec2::254]:80"}""", "SSRF-001")]
    [InlineData("run_command", """{"command": "nc 169.254.169.254 80"}""", "SSRF-001")]
    // URLs in code given to an interpreter.
    [InlineData("run_python", """{"code": "import requests\nprint(requests.get('http://169.254.169.254/latest/meta-data/').text)"}""", "SSRF-001")]
    // Infrastructure API ports in every form: tcp:// of the Docker client, loopback, IPv6, bare curl hosts.
    [InlineData("run_command", """{"command": "docker -H tcp://10.1.2.3:2375 run -v /:/host alpine"}""", "SSRF-010")]
    [InlineData("fetch", """{"url": "http://127.0.0.1:2375/containers/app/exec?cmd=cat%20/etc/shadow"}""", "SSRF-010")]
    [InlineData("fetch", """{"endpoint": "https://[fd12::5]:2379/v2/keys/?recursive=true"}""", "SSRF-010")]
    [InlineData("run_command", """{"command": "curl -sk 10.0.0.7:10250/runningpods/"}""", "SSRF-010")]
    // Internal-only names.
    // Vault's port on an internal name is an internal service (SSRF-011, a block), more than an internal address (SSRF-004).
    [InlineData("fetch", """{"url": "http://vault.service.internal:8200/v1/secret"}""", "SSRF-011")]
    [InlineData("fetch", """{"url": "http://vault.service.internal/ui/"}""", "SSRF-004")]
    [InlineData("fetch", """{"url": "http://nas.local/admin"}""", "SSRF-004")]
    [InlineData("fetch", """{"url": "http://router.home.arpa/"}""", "SSRF-004")]
    // Client schemes in a command still reach the host they name.
    [InlineData("run_command", """{"command": "curl ftp://169.254.169.254/"}""", "SSRF-001")]
    public void Finds_spellings_the_signatures_did_not_know(string tool, string arguments, string rule)
    {
        Assert.True(Call(tool, arguments).Exists(f => f.RuleId == rule), $"not caught as {rule}: {arguments}");
    }

    [Theory]
    [InlineData("run_python", """{"code": "import requests\nprint(requests.get('https://api.github.com/zen').text)"}""")]
    [InlineData("search", """{"query_id": "2852039166"}""")]
    [InlineData("set_option", """{"kind": "metadata", "limit": "169254"}""")]
    [InlineData("fetch", """{"url": "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html"}""")]
    [InlineData("fetch", """{"url": "https://example.com/latest/meta-datasets/index.html"}""")]
    [InlineData("fetch", """{"url": "https://login.example.com/authorize?redirect_uri=http://localhost:3000/callback"}""")]
    [InlineData("fetch", """{"url": "https://example.com:23750/api"}""")]
    [InlineData("fetch", """{"url": "https://internal.example.com/"}""")]
    [InlineData("fetch", """{"url": "https://local.example.org/"}""")]
    [InlineData("run_command", """{"command": "sftp deploy@files.example.com && lftp ftp://mirror.example.org/pub"}""")]
    [InlineData("run_command", """{"command": "docker -H tcp://build.example.com:443 ps"}""")]
    [InlineData("connect", """{"ip": "203.0.113.10"}""")]
    [InlineData("save_bookmark", """{"link": "see http://10.0.0.1/ for the old wiki"}""")]
    public void Passes_benign_look_alikes(string tool, string arguments)
    {
        Assert.Empty(Call(tool, arguments));
    }
}
