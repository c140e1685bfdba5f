using System.Security.Cryptography;
using System.Text;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// A digest of an installed package's files, so that a package edited after installation no longer matches its
/// manifest (the lockfile's integrity only says what was downloaded). SHA-512 over one line per entry, in ordinal order
/// of the relative path: <c>f PATH SHA512HEX</c> for a file, <c>l PATH TARGET</c> for a symbolic link (never followed).
/// Nested <c>node_modules</c> (the package's own dependencies) are not part of the package.
/// </summary>
public static class NpmPackageFiles
{
    /// <summary>Bounds the walk: a package larger than this is not one to hash at every start.</summary>
    public const int MaxFiles = 20_000;

    /// <summary>Bounds the bytes read (512 MiB).</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>The digest (<c>sha512-</c> base64, the SRI form npm uses) of <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">Unreadable, or larger than the limits.</exception>
    public static string Digest(string directory)
    {
        var entries = new List<(string Path, string Line)>();
        long bytes = 0;
        Walk(new DirectoryInfo(directory), string.Empty, entries, ref bytes);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        foreach (var (_, line) in entries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return "sha512-" + Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static void Walk(DirectoryInfo folder, string prefix, List<(string, string)> entries, ref long bytes)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var path = prefix + entry.Name;
            if (entries.Count >= MaxFiles)
            {
                throw new IOException($"the package has more than {MaxFiles} files.");
            }

            if (entry.LinkTarget is { } target)
            {
                entries.Add((path, $"l {path} {target}\n"));
            }
            else if (entry is DirectoryInfo child)
            {
                if (child.Name != "node_modules")
                {
                    Walk(child, path + "/", entries, ref bytes);
                }
            }
            else if (entry is FileInfo file)
            {
                bytes += file.Length;
                if (bytes > MaxBytes)
                {
                    throw new IOException($"the package is larger than {MaxBytes / (1024 * 1024)} MiB.");
                }

                using var stream = file.OpenRead();
                entries.Add((path, $"f {path} {Convert.ToHexStringLower(SHA512.HashData(stream))}\n"));
            }
        }
    }
}
