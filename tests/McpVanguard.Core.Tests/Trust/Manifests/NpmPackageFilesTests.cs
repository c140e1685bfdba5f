using McpVanguard.Core.Trust.Manifests;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>The files digest changes with any file's content, name or presence, and not with the package's own dependencies.</summary>
public sealed class NpmPackageFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-pkgfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Content_names_and_links_count_and_nested_node_modules_do_not()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "dist"));
        File.WriteAllText(Path.Combine(_dir, "package.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "dist", "a.js"), "a");
        var first = NpmPackageFiles.Digest(_dir);
        Assert.StartsWith("sha512-", first, StringComparison.Ordinal);
        Assert.Equal(first, NpmPackageFiles.Digest(_dir));

        Directory.CreateDirectory(Path.Combine(_dir, "node_modules", "dep"));
        File.WriteAllText(Path.Combine(_dir, "node_modules", "dep", "index.js"), "dep");
        Assert.Equal(first, NpmPackageFiles.Digest(_dir));

        File.WriteAllText(Path.Combine(_dir, "dist", "a.js"), "b");
        var changed = NpmPackageFiles.Digest(_dir);
        Assert.NotEqual(first, changed);

        File.Move(Path.Combine(_dir, "dist", "a.js"), Path.Combine(_dir, "dist", "b.js"));
        var renamed = NpmPackageFiles.Digest(_dir);
        Assert.NotEqual(changed, renamed);

        File.CreateSymbolicLink(Path.Combine(_dir, "dist", "link.js"), "/etc/passwd");
        Assert.NotEqual(renamed, NpmPackageFiles.Digest(_dir));
    }
}
