using McpVanguard.Core.Trust.Manifests;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>Which package a server's command line runs: every launcher spelling, and a refusal for what cannot be told.</summary>
public sealed class NpmLaunchTests
{
    [Theory]
    [InlineData("npx -y @modelcontextprotocol/server-filesystem .", "npx", "@modelcontextprotocol/server-filesystem", null)]
    [InlineData("npx --yes --offline @scope/pkg@1.2.3 --flag-for-the-server", "npx", "@scope/pkg", "1.2.3")]
    [InlineData("npx -p mcp-pkg@2.0.0 mcp-bin", "npx", "mcp-pkg", "2.0.0")]
    [InlineData("npx --package=mcp-pkg mcp-bin", "npx", "mcp-pkg", null)]
    [InlineData("npx -- plain-pkg arg", "npx", "plain-pkg", null)]
    [InlineData("npm exec --yes -- @scope/pkg@latest", "npm exec", "@scope/pkg", "latest")]
    [InlineData("npm x plain-pkg", "npm exec", "plain-pkg", null)]
    [InlineData("pnpm dlx @scope/pkg", "pnpm dlx", "@scope/pkg", null)]
    [InlineData("/usr/local/bin/npx.cmd @scope/pkg", "npx", "@scope/pkg", null)]
    public void A_launcher_names_its_package(string line, string launcher, string name, string? version)
    {
        var launch = NpmLaunch.Parse(line.Split(' '))!;
        Assert.Equal((launcher, name, version), (launch.Launcher, launch.Name, launch.Version));
    }

    [Theory]
    [InlineData("node_modules/.bin/mcp-server-memory")]
    [InlineData("/srv/app/node_modules/@scope/pkg/dist/index.js")]
    [InlineData("node --enable-source-maps /srv/app/node_modules/@scope/pkg/dist/index.js stdio")]
    public void A_file_in_a_node_modules_tree_is_a_path_launch(string line)
    {
        var launch = NpmLaunch.Parse(line.Split(' '))!;
        Assert.Equal("path", launch.Launcher);
        Assert.Contains("node_modules", launch.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python -m my_server")]
    [InlineData("dotnet server.dll")]
    [InlineData("node server.js")]
    [InlineData("npm run serve")]
    public void Other_launches_run_no_npm_package(string line) => Assert.Null(NpmLaunch.Parse(line.Split(' ')));

    [Theory]
    [InlineData("npx -c 'echo hi'")]
    [InlineData("npx --registry https://evil.example @scope/pkg")]
    [InlineData("npx -p a -p b bin")]
    [InlineData("npx github:acme/server")]
    [InlineData("npx ./local-folder")]
    [InlineData("npx https://example.com/pkg.tgz")]
    [InlineData("npx alias@npm:other")]
    [InlineData("npx -y")]
    public void A_launch_whose_package_cannot_be_told_is_refused(string line)
        => Assert.Throws<FormatException>(() => NpmLaunch.Parse(line.Split(' ')));
}
