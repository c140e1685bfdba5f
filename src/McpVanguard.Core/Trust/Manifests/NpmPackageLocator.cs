using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// Finds the installed package an <see cref="NpmLaunch"/> will run, in npm's own order, without running npm and without
/// the network: a <c>node_modules/.bin</c> link of that name above the working directory, the project's
/// <c>node_modules</c>, the global prefix, then npx's cache (<c>&lt;cache&gt;/_npx/&lt;hash&gt;</c>, the hash npm
/// computes from the spec). A path launch is resolved from the file to the package folder that holds it.
/// </summary>
public static class NpmPackageLocator
{
    /// <summary>Bounds the read of a package.json or lockfile (a lockfile of a large project is a few MiB).</summary>
    private const long MaxJsonBytes = 64L * 1024 * 1024;

    /// <summary>The package <paramref name="launch"/> runs, or null when it is not installed anywhere npm would look.</summary>
    /// <exception cref="IOException">A package.json or lockfile on the way cannot be read or is not JSON.</exception>
    public static InstalledNpmPackage? Locate(NpmLaunch launch, NpmEnvironment environment)
    {
        if (launch.File is { } file)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Join(environment.WorkingDirectory, file);
            return File.Exists(path) ? FromFile(path, "the launched path") : null;
        }

        if (launch.Launcher == "pnpm dlx")
        {
            // pnpm dlx installs into a fresh folder of its own cache on every run: there is nothing installed to check.
            return null;
        }

        var name = launch.Name!;
        foreach (var folder in Ancestors(environment.WorkingDirectory))
        {
            // Without --package npx first runs a bin of that name from any node_modules/.bin above the working directory.
            var bin = Path.Join(folder, "node_modules", ".bin", name);
            if (!launch.ExplicitPackage && launch.Version is null && File.Exists(bin))
            {
                return FromFile(bin, $"the bin link {bin}");
            }
        }

        // npm's project is the nearest folder with a package.json or node_modules; its tree is what npx searches next.
        if (Ancestors(environment.WorkingDirectory).FirstOrDefault(f => File.Exists(Path.Join(f, "package.json")) || Directory.Exists(Path.Join(f, "node_modules"))) is { } project
            && Read(Path.Join(project, "node_modules", name), project, "the project's node_modules") is { } local)
        {
            return local;
        }

        if (environment.GlobalPrefix is { } prefix)
        {
            var root = OperatingSystem.IsWindows() ? prefix : Path.Join(prefix, "lib");
            if (Read(Path.Join(root, "node_modules", name), root, "the global prefix") is { } global)
            {
                return global;
            }
        }

        var npx = Path.Join(environment.Cache, "_npx", NpxCacheKey(launch.Spec!));
        return Read(Path.Join(npx, "node_modules", name), npx, "npx's cache " + npx);
    }

    /// <summary>
    /// The folder npx installs a spec into: the first 16 hex digits of SHA-512 over the specs as given (one here),
    /// as libnpmexec computes it.
    /// </summary>
    public static string NpxCacheKey(string spec) => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(spec)))[..16];

    private static InstalledNpmPackage? FromFile(string path, string where)
    {
        var real = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        // The package folder is the one right below node_modules (or node_modules/@scope) on the file's way up.
        var parts = real.Split(Path.DirectorySeparatorChar);
        var last = Array.LastIndexOf(parts, "node_modules");
        if (last < 0 || last + 1 >= parts.Length)
        {
            return null;
        }

        var end = parts[last + 1].StartsWith('@') ? last + 3 : last + 2;
        var first = Array.IndexOf(parts, "node_modules");
        var packageDirectory = string.Join(Path.DirectorySeparatorChar, parts[..Math.Min(end, parts.Length)]);
        var root = string.Join(Path.DirectorySeparatorChar, parts[..first]);
        return Read(packageDirectory, root.Length == 0 ? Path.DirectorySeparatorChar.ToString() : root, where);
    }

    /// <summary>The package in <paramref name="directory"/>, with the integrity recorded by the lockfile of <paramref name="root"/>.</summary>
    private static InstalledNpmPackage? Read(string directory, string root, string where)
    {
        var manifest = Path.Join(directory, "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        var real = new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory);
        using var package = ReadJson(manifest);
        var name = String(package.RootElement, "name") ?? throw new IOException($"{manifest} has no name.");
        var version = String(package.RootElement, "version") ?? throw new IOException($"{manifest} has no version.");
        var key = Path.GetRelativePath(root, Path.GetFullPath(directory)).Replace(Path.DirectorySeparatorChar, '/');
        return new InstalledNpmPackage(real, name, version, LockIntegrity(root, key, version), where);
    }

    /// <summary>The lockfile's integrity for <paramref name="key"/> (<c>node_modules/name</c>) at <paramref name="version"/>: the hidden lockfile first (what is installed), then package-lock.json.</summary>
    private static string? LockIntegrity(string root, string key, string version)
    {
        foreach (var lockFile in (string[])[Path.Join(root, "node_modules", ".package-lock.json"), Path.Join(root, "package-lock.json")])
        {
            if (!File.Exists(lockFile))
            {
                continue;
            }

            using var document = ReadJson(lockFile);
            if (document.RootElement.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object
                && packages.TryGetProperty(key, out var entry) && entry.ValueKind == JsonValueKind.Object
                && String(entry, "version") == version && String(entry, "integrity") is { } integrity)
            {
                return integrity;
            }
        }

        return null;
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxJsonBytes)
            {
                throw new IOException($"{path} is larger than {MaxJsonBytes / (1024 * 1024)} MiB.");
            }

            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new IOException($"{path} is not JSON ({ex.Message}).", ex);
        }
    }

    private static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }
}
