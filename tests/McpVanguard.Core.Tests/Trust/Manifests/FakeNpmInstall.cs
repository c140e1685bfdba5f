using System.Text.Json.Nodes;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>
/// A package laid out on disk the way npm leaves it (the package folder, a <c>.bin</c> link, the hidden lockfile with
/// the tarball's integrity), without npm: the unit tests' stand-in for an installation. The end-to-end tests use real npm.
/// </summary>
internal sealed class FakeNpmInstall : IDisposable
{
    public const string Name = "@acme/weather-mcp";
    public const string Version = "1.4.0";
    public const string Integrity = "sha512-gocH9qNfGHveiMXPS41Ri0uv45AMAQ/Riendh4BxFxGBaHod298NNGXAfLW07Z8ujaweFzCDeF2QLQkWaFI16A==";

    public FakeNpmInstall()
    {
        Root = Directory.CreateTempSubdirectory("vanguard-npm-").FullName;
        Project = Path.Combine(Root, "project");
        Cache = Path.Combine(Root, "npm-cache");
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Cache);
    }

    public string Root { get; }

    public string Project { get; }

    public string Cache { get; }

    public McpVanguard.Core.Trust.Manifests.NpmEnvironment Environment => new(Project, Cache, GlobalPrefix: null);

    /// <summary>Installs the package under <paramref name="root"/>/node_modules with its lockfile; returns the package folder.</summary>
    public string Install(string root, string version = Version, string integrity = Integrity, string lockFile = "node_modules/.package-lock.json")
    {
        var folder = Path.Combine(root, "node_modules", "@acme", "weather-mcp");
        Directory.CreateDirectory(Path.Combine(folder, "dist"));
        File.WriteAllText(Path.Combine(folder, "package.json"), new JsonObject { ["name"] = Name, ["version"] = version, ["bin"] = new JsonObject { ["weather-mcp"] = "dist/index.js" } }.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "dist", "index.js"), "console.log('weather');\n");
        var bin = Path.Combine(root, "node_modules", ".bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "weather-mcp"), "../@acme/weather-mcp/dist/index.js");
        var lockEntry = new JsonObject { ["version"] = version, ["resolved"] = "https://registry.npmjs.org/@acme/weather-mcp/-/weather-mcp-" + version + ".tgz", ["integrity"] = integrity };
        File.WriteAllText(Path.Combine(root, lockFile), new JsonObject { ["lockfileVersion"] = 3, ["packages"] = new JsonObject { ["node_modules/@acme/weather-mcp"] = lockEntry } }.ToJsonString());
        return folder;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
