using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.EndToEnd;

/// <summary>
/// What can be checked of deploy/ without a container runtime or a cluster: the manifests parse, their probes are the
/// gateway's health routes, they ask for a non-root user and a read-only root, and every variable they set is one
/// vanguard reads (the real process's <c>config show</c> reports each value as coming from the environment).
/// </summary>
public sealed class DeploymentRecipeTests
{
    private static string Deploy(params string[] parts) => Path.Join([TestEnvironment.RepositoryRoot, "deploy", .. parts]);

    [Fact]
    public void KubernetesDeploymentProbesTheHealthRoutesAsANonRootUserOnAReadOnlyRoot()
    {
        var container = Container();
        Assert.Equal("/healthz", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(container, "securityContext", "allowPrivilegeEscalation"));
        var pod = (YamlMappingNode)Documents().Single(d => Scalar(d, "kind") == "Deployment")["spec"]["template"]["spec"];
        Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
        var port = ((YamlSequenceNode)container["ports"]).Children.OfType<YamlMappingNode>().Single();
        Assert.Equal(Environment(container)["VANGUARD_GATEWAY_PORT"], Scalar(port, "containerPort"));
        var ingress = Documents().Single(d => Scalar(d, "kind") == "Ingress");
        Assert.Equal("$http_mcp_session_id", Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/upstream-hash-by"));
        Assert.Equal("off", Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-buffering"));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("kubernetes")]
    [InlineData("docker")]
    public async Task EveryVariableTheRecipeSetsIsOneVanguardReads(string recipe)
    {
        var variables = recipe == "kubernetes" ? Environment(Container()) : DockerfileEnvironment();
        var config = Path.Join(Path.GetTempPath(), $"vanguard-recipe-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, "profile: balanced\n", TestContext.Current.CancellationToken);
        try
        {
            var environment = variables.ToDictionary(v => v.Key, v => (string?)v.Value);
            environment["VANGUARD_CONFIG"] = config;
            var run = await VanguardRun.RunAsync(["config", "show", "--json"], TestContext.Current.CancellationToken, environment);

            Assert.True(run.ExitCode == 0, run.ToString());
            var values = JsonNode.Parse(run.Stdout)!["values"]!.AsObject();
            foreach (var (name, value) in variables.Where(v => v.Key.StartsWith("VANGUARD_", StringComparison.Ordinal) && v.Key is not ("VANGUARD_CONFIG" or "VANGUARD_API_KEY")))
            {
                var key = values.FirstOrDefault(v => (string?)v.Value!["source"] == "env:" + name);
                Assert.True(key.Value is not null, $"{name} is set by the {recipe} recipe but vanguard does not read it:\n{run.Stdout}");
                Assert.Equal(value, (string?)key.Value!["value"]);
            }
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static List<YamlMappingNode> Documents()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Deploy("kubernetes", "vanguard.yaml"));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Container()
        => ((YamlSequenceNode)Documents().Single(d => Scalar(d, "kind") == "Deployment")["spec"]["template"]["spec"]["containers"]).Children.OfType<YamlMappingNode>().Single();

    private static Dictionary<string, string> Environment(YamlMappingNode container)
        => ((YamlSequenceNode)container["env"]).Children.OfType<YamlMappingNode>()
            .Where(e => e.Children.ContainsKey("value"))
            .ToDictionary(e => Scalar(e, "name")!, e => Scalar(e, "value")!);

    /// <summary>The Dockerfile's <c>ENV NAME=value \ …</c> block of the runtime stage.</summary>
    private static Dictionary<string, string> DockerfileEnvironment()
    {
        var text = File.ReadAllText(Deploy("docker", "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var line = text.Split('\n').Single(l => l.StartsWith("ENV ", StringComparison.Ordinal));
        return line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private static string? Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return (node as YamlScalarNode)?.Value;
    }
}
