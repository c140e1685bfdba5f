using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Network;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Network;

/// <summary>
/// URLs judged as the client resolves them (issue 9 item 4): UTS-46 host mapping, every wildcard-DNS spelling of an
/// address, metadata paths after path normalisation, and well-known internal services behind loopback or private
/// addresses — with the everyday look-alikes that must keep passing (or stay a warning).
/// </summary>
public sealed class UrlResolutionTests
{
    private static readonly SsrfInspector Inspector = new();

    private static List<Finding> Call(string tool, string argumentsJson) =>
        Run(Inspector, FromJson($$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":{{{JsonSerializer.Serialize(tool)}}},"arguments":{{{argumentsJson}}}}}"""));

    [Theory]
    // Ideographic, fullwidth and halfwidth full stops and fullwidth digits are dots and digits to IDNA / WHATWG parsers.
    [InlineData("http://169\u3002254\u3002169\u3002254/", UrlRisk.CloudMetadata)]
    [InlineData("http://169\uFF61254\uFF61169\uFF61254/latest", UrlRisk.CloudMetadata)]
    [InlineData("http://169\uFF0E254\uFF0E169\uFF0E254/", UrlRisk.CloudMetadata)]
    [InlineData("http://\uFF11\uFF12\uFF17.0.0.1:8080/", UrlRisk.Loopback)]
    [InlineData("http://metadata\u3002google\u3002internal/", UrlRisk.CloudMetadata)]
    [InlineData("http://169%E3%80%82254%EF%BD%A1169.254/", UrlRisk.CloudMetadata)]
    // Wildcard DNS in every spelling: hex, dashed, dotted with a prefix, IPv6, rebinding services, loopback names.
    [InlineData("http://a9fea9fe.nip.io/", UrlRisk.CloudMetadata)]
    [InlineData("http://magic-a9fea9fe.nip.io/", UrlRisk.CloudMetadata)]
    [InlineData("http://169-254-169-254.sslip.io/", UrlRisk.CloudMetadata)]
    [InlineData("http://app.10.0.0.1.nip.io/", UrlRisk.Private)]
    [InlineData("http://app-10-0-0-1.sslip.io/", UrlRisk.Private)]
    [InlineData("http://customer1.app.192.168.1.20.xip.io/", UrlRisk.Private)]
    [InlineData("http://--1.sslip.io/", UrlRisk.Loopback)]
    [InlineData("http://7f000001.a9fea9fe.rbndr.us/", UrlRisk.CloudMetadata)]
    [InlineData("http://make-1.2.3.4-rebind-169.254.169.254-rr.1u.ms/", UrlRisk.CloudMetadata)]
    [InlineData("http://10-0-0-1.traefik.me/", UrlRisk.Private)]
    [InlineData("http://app.traefik.me/", UrlRisk.Loopback)]
    [InlineData("http://anything.localtest.me/", UrlRisk.Loopback)]
    [InlineData("http://vcap.me/", UrlRisk.Loopback)]
    [InlineData("http://api.local.gd:8080/", UrlRisk.Loopback)]
    [InlineData("http://lacolhost.com/", UrlRisk.Loopback)]
    // Metadata paths as the service resolves them: dot segments, doubled slashes, dated versions, other clouds.
    [InlineData("http://rebind.example/latest/./meta-data/iam/", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/latest//meta-data/", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/x/../latest/meta-data", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/2021-07-15/meta-data/", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/1.0/user-data", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/latest/api/token", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/computeMetadata/./v1/instance/", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/metadata/v1/user-data", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/metadata/v1.json", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/hetzner/v1/metadata", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/openstack/latest/meta_data.json", UrlRisk.CloudMetadata)]
    [InlineData("http://rebind.example/metadata//instance?api-version=2021-02-01", UrlRisk.CloudMetadata)]
    // The two readings of a backslash in the authority: the riskier one is judged.
    [InlineData("http://good.example\\@169.254.169.254/", UrlRisk.CloudMetadata)]
    [InlineData("http://169.254.169.254\\@good.example/", UrlRisk.CloudMetadata)]
    // Internal services on internal hosts, by port or by a path only they serve.
    [InlineData("http://7f000001.nip.io:6379/", UrlRisk.InternalService)]
    [InlineData("http://127.0.0.1:11211/", UrlRisk.InternalService)]
    [InlineData("http://localhost:8500/v1/agent/self", UrlRisk.InternalService)]
    [InlineData("http://10.0.0.4:9200/_search?q=*", UrlRisk.InternalService)]
    [InlineData("http://localhost:9200/_cat/indices", UrlRisk.InternalService)]
    [InlineData("http://localhost:9200/customers/_doc/health", UrlRisk.InternalService)]
    [InlineData("http://localhost:9200/_search/../health/../_search", UrlRisk.InternalService)]
    [InlineData("http://0.0.0.0:6443/api/v1/secrets", UrlRisk.InternalService)]
    [InlineData("http://[::]:5984/_all_dbs", UrlRisk.InternalService)]
    [InlineData("http://192.168.1.9:15672/api/users", UrlRisk.InternalService)]
    [InlineData("http://localhost:8080/actuator/env", UrlRisk.InternalService)]
    [InlineData("http://127.0.0.1:8081/actuator/heapdump", UrlRisk.InternalService)]
    [InlineData("http://jenkins.corp:8080/script", UrlRisk.InternalService)]
    [InlineData("http://localhost:8888/api/kernels", UrlRisk.InternalService)]
    [InlineData("http://127.0.0.1:5000/console", UrlRisk.InternalService)]
    [InlineData("http://10.1.1.1:9090/api/v1/admin/tsdb/delete_series", UrlRisk.InternalService)]
    [InlineData("http://localhost:6060/debug/pprof/heap", UrlRisk.InternalService)]
    public void Resolves_the_url_as_the_client_would(string url, UrlRisk risk)
    {
        Assert.Equal(risk, UrlClassifier.Classify(url).Risk);
    }

    [Theory]
    // Everyday URLs: public names that merely look like the services, dates in public paths, dev servers on loopback.
    [InlineData("https://nip.io/", UrlRisk.Public)]
    [InlineData("https://deadbeef.example.com/", UrlRisk.Public)]
    [InlineData("http://8.8.8.8.nip.io/", UrlRisk.Public)]
    [InlineData("https://blog.example.com/2021-07-15/meta-data-best-practices", UrlRisk.Public)]
    [InlineData("https://api.example.com/v1/metadata/v1/items", UrlRisk.Public)]
    [InlineData("https://registry.example.com/latest/api/v2", UrlRisk.Public)]
    [InlineData("https://example.com/actuator/env", UrlRisk.Public)]
    [InlineData("https://search.example.com:9200/_search", UrlRisk.Public)]
    [InlineData("https://b\u00FCcher.example/", UrlRisk.Public)]
    [InlineData("https://\u4F8B\u3048.\u30C6\u30B9\u30C8/", UrlRisk.Public)]
    [InlineData("http://localhost:3000/api/users", UrlRisk.Loopback)]
    [InlineData("http://localhost:5173/", UrlRisk.Loopback)]
    [InlineData("http://127.0.0.1:8080/api/health", UrlRisk.Loopback)]
    [InlineData("http://localhost:8080/actuator/health", UrlRisk.Loopback)]
    [InlineData("http://localhost:4200/images/logo.png", UrlRisk.Loopback)]
    [InlineData("http://10.0.0.5/status", UrlRisk.Private)]
    // A compose stack's readiness probes read nothing: they stay the host's warning.
    [InlineData("http://localhost:9200/_cluster/health?pretty", UrlRisk.Loopback)]
    [InlineData("http://127.0.0.1:8500/health", UrlRisk.Loopback)]
    public void Everyday_urls_keep_their_judgement(string url, UrlRisk risk)
    {
        Assert.Equal(risk, UrlClassifier.Classify(url).Risk);
    }

    [Theory]
    [InlineData("fetch", """{"url": "http://a9fea9fe.nip.io/latest/./meta-data/iam/security-credentials/"}""", "SSRF-001")]
    [InlineData("fetch", """{"url": "http://169\u3002254\u3002169\u3002254/"}""", "SSRF-001")]
    [InlineData("fetch", """{"url": "http://7f000001.nip.io:6379/"}""", "SSRF-011")]
    [InlineData("fetch", """{"url": "http://127\u30020\u30020\u30021:3000/"}""", "SSRF-007")]
    [InlineData("run_command", """{"command": "curl -s http://localhost:2379/v2/keys/?recursive=true"}""", "SSRF-010")]
    [InlineData("run_command", """{"command": "curl -s localhost:6379/"}""", "SSRF-011")]
    [InlineData("run_command", """{"command": "wget -qO- http://127.0.0.1:8080/actuator/heapdump"}""", "SSRF-011")]
    [InlineData("http_get", """{"url": "http://10.0.0.12:8983/solr/admin/cores?action=STATUS"}""", "SSRF-011")]
    public void Blocks_under_balanced(string tool, string arguments, string rule)
    {
        var findings = Call(tool, arguments);
        var finding = Assert.Single(findings, f => f.RuleId == rule);
        Assert.Equal(FindingAction.Block, finding.Action);
    }

    [Theory]
    [InlineData("fetch", """{"url": "http://localhost:3000/api/users?page=2"}""")]
    [InlineData("fetch", """{"url": "http://localhost:5173/src/main.ts"}""")]
    [InlineData("run_command", """{"command": "curl -s http://localhost:8080/api/orders/42"}""")]
    public void Generic_loopback_dev_traffic_stays_a_warning(string tool, string arguments)
    {
        var finding = Assert.Single(Call(tool, arguments));
        Assert.Equal("SSRF-003", finding.RuleId);
        Assert.Equal(FindingAction.Warn, finding.Action);
    }

    [Theory]
    // Addresses searched for or written about in a command are data (issue 9 item 3).
    [InlineData("""{"command": "grep -rn '169.254.169.254' src/"}""")]
    [InlineData("""{"command": "rg -n 'http://169.254.169.254/latest/meta-data' infra/"}""")]
    [InlineData("""{"command": "gh pr create --title 'SSRF' --body 'Blocks 169.254.169.254 and file:// URLs'"}""")]
    [InlineData("""{"command": "git commit -m 'deny metadata.google.internal and 169.254.169.254'"}""")]
    [InlineData("""{"command": "echo 'blocked: http://169.254.169.254/' >> docs/SSRF.md"}""")]
    public void Addresses_in_data_positions_of_a_command_pass(string arguments)
    {
        Assert.Empty(Call("run_command", arguments));
    }

    [Theory]
    [InlineData("""{"command": "echo http://169.254.169.254/latest/meta-data/ | xargs curl"}""")]
    [InlineData("""{"command": "grep -q ok status.txt && curl http://169.254.169.254/latest/meta-data/"}""")]
    [InlineData("""{"command": "git clone http://169.254.169.254/latest/meta-data/"}""")]
    [InlineData("""{"command": "X=1 nc 169.254.169.254 80"}""")]
    public void Reached_addresses_next_to_data_commands_still_block(string arguments)
    {
        Assert.Contains(Call("run_command", arguments), f => f.RuleId == "SSRF-001");
    }
}
