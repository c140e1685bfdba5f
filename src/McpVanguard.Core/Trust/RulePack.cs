using System.Security.Cryptography;
using System.Text;

namespace McpVanguard.Core.Trust;

/// <summary>
/// A rules directory as one signable artifact: its <c>*.yaml</c>/<c>*.yml</c> files (the ones the rule loader reads),
/// read once, and a statement listing each file's SHA-256 and name in name order. The signature
/// (<see cref="SignatureFileName"/>, a <see cref="KeyBasedBundle"/>) signs the statement, so adding, removing, renaming
/// or changing a file breaks it; the loader parses exactly the bytes that were verified.
/// </summary>
public sealed class RulePack
{
    /// <summary>The signature file inside the rules directory (not a <c>.yaml</c>, so the loader never reads it as rules).</summary>
    public const string SignatureFileName = "rules.sigstore.json";

    private const string StatementTag = "mcp-vanguard-rule-pack/v1";

    private RulePack(string directory, IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        Directory = directory;
        Files = files;
        var statement = new StringBuilder(StatementTag).Append('\n');
        foreach (var (path, bytes) in files)
        {
            statement.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("  ").Append(System.IO.Path.GetFileName(path)).Append('\n');
        }

        Statement = Encoding.UTF8.GetBytes(statement.ToString());
    }

    public string Directory { get; }

    /// <summary>The rule files, sorted by name, with the bytes that were read.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Files { get; }

    /// <summary>The signed artifact: the tag, then "&lt;sha256&gt;  &lt;file name&gt;" per file.</summary>
    public byte[] Statement { get; }

    public string SignaturePath => System.IO.Path.Combine(Directory, SignatureFileName);

    /// <summary>Reads the rule files of <paramref name="directory"/> (the same set, in the same order, the loader uses).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static RulePack Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Rules directory '{directory}' does not exist.");
        }

        var files = System.IO.Directory.EnumerateFiles(directory, "*.yaml").Concat(System.IO.Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllBytes(path)))
            .ToList();
        return new RulePack(directory, files);
    }

    /// <summary>Writes the signature of this pack with <paramref name="privateKey"/>; returns its path.</summary>
    public string Sign(ECDsa privateKey)
    {
        File.WriteAllText(SignaturePath, KeyBasedBundle.Sign(Statement, privateKey));
        return SignaturePath;
    }

    /// <summary>Verifies the pack's signature file; a missing one fails with a reason that says so.</summary>
    public SigstoreVerification Verify(ArtifactSignatureVerifier verifier, SigstorePolicy policy)
    {
        if (!File.Exists(SignaturePath))
        {
            return SigstoreVerification.Failed($"it is not signed (no {SignatureFileName}).");
        }

        return verifier.Verify(Statement, File.ReadAllText(SignaturePath), policy);
    }
}
