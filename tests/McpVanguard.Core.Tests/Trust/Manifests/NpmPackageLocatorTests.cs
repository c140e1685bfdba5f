using McpVanguard.Core.Trust.Manifests;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>The package a launch will run is found where npm looks for it, in npm's order, with its lockfile's integrity.</summary>
public sealed class NpmPackageLocatorTests : IDisposable
{
    private readonly FakeNpmInstall _npm = new();

    public void Dispose() => _npm.Dispose();

    private InstalledNpmPackage? Locate(string line) => NpmPackageLocator.Locate(NpmLaunch.Parse(line.Split(' '))!, _npm.Environment);

    [Fact]
    public void The_projects_node_modules_is_found_with_the_integrity_its_lockfile_records()
    {
        var folder = _npm.Install(_npm.Project);
        var found = Locate("npx -y @acme/weather-mcp")!;
        Assert.Equal((FakeNpmInstall.Name, FakeNpmInstall.Version, FakeNpmInstall.Integrity), (found.Name, found.Version, found.Integrity));
        Assert.Equal(folder, found.Directory);
        Assert.Contains("project's node_modules", found.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subfolder_of_the_project_finds_the_projects_package_and_package_lock_json_is_read_too()
    {
        _npm.Install(_npm.Project, lockFile: "package-lock.json");
        var nested = Path.Combine(_npm.Project, "src", "deep");
        Directory.CreateDirectory(nested);
        var found = NpmPackageLocator.Locate(NpmLaunch.Parse(["npx", "@acme/weather-mcp"])!, _npm.Environment with { WorkingDirectory = nested })!;
        Assert.Equal(FakeNpmInstall.Integrity, found.Integrity);
    }

    [Fact]
    public void A_bin_link_is_followed_to_the_package_that_holds_it()
    {
        var folder = _npm.Install(_npm.Project);
        var byBin = Locate("npx weather-mcp")!;
        var byPath = Locate(Path.Combine(_npm.Project, "node_modules", ".bin", "weather-mcp"))!;
        Assert.Equal((folder, FakeNpmInstall.Name), (byBin.Directory, byBin.Name));
        Assert.Equal((folder, FakeNpmInstall.Integrity), (byPath.Directory, byPath.Integrity));
    }

    [Fact]
    public void Npxs_cache_folder_is_the_one_npm_computes_from_the_spec()
    {
        // libnpmexec: sha512 over the spec as given, hex, first 16 digits. The value is the folder npm 11.19.1 created
        // for `npx --yes ../vanguard-test-tiny-mcp-server-1.0.0.tgz` (a spec it could install offline).
        Assert.Equal("b1602fef27a87b7f", NpmPackageLocator.NpxCacheKey("../vanguard-test-tiny-mcp-server-1.0.0.tgz"));
        var npx = Path.Combine(_npm.Cache, "_npx", NpmPackageLocator.NpxCacheKey("@acme/weather-mcp@1.4.0"));
        Directory.CreateDirectory(npx);
        _npm.Install(npx, lockFile: "package-lock.json");

        var found = Locate("npx -y @acme/weather-mcp@1.4.0")!;
        Assert.Contains("npx's cache", found.Where, StringComparison.Ordinal);
        Assert.Equal(FakeNpmInstall.Integrity, found.Integrity);
        // Another spec is another folder: the same package under another spelling is not found there.
        Assert.Null(Locate("npx -y @acme/weather-mcp"));
    }

    [Fact]
    public void The_project_comes_before_npxs_cache()
    {
        var npx = Path.Combine(_npm.Cache, "_npx", NpmPackageLocator.NpxCacheKey("@acme/weather-mcp"));
        Directory.CreateDirectory(npx);
        _npm.Install(npx, version: "9.9.9", lockFile: "package-lock.json");
        _npm.Install(_npm.Project);
        Assert.Equal(FakeNpmInstall.Version, Locate("npx @acme/weather-mcp")!.Version);
    }

    [Fact]
    public void A_package_installed_nowhere_is_not_found_and_pnpm_dlx_never_is()
    {
        Assert.Null(Locate("npx -y @acme/weather-mcp"));
        Directory.CreateDirectory(Path.Combine(_npm.Project, "node_modules"));
        Assert.Null(Locate("pnpm dlx @acme/weather-mcp"));
    }

    [Fact]
    public void A_lockfile_entry_of_another_version_gives_no_integrity()
    {
        var folder = _npm.Install(_npm.Project);
        File.WriteAllText(Path.Combine(folder, "package.json"), """{"name":"@acme/weather-mcp","version":"1.5.0"}""");
        var found = Locate("npx @acme/weather-mcp")!;
        Assert.Equal("1.5.0", found.Version);
        Assert.Null(found.Integrity);
    }
}
