namespace McpVanguard.Trust.Roots;

/// <summary>
/// The Sigstore public-good trusted root embedded at build time (from npm @sigstore/tuf's seeds.json; refreshed with
/// scripts/update-trusted-root.sh), so verification works offline.
/// </summary>
internal static class PublicGoodTrustedRoot
{
    private static readonly Lazy<string> Text = new(Read);

    public static string Json => Text.Value;

    private static string Read()
    {
        using var stream = typeof(PublicGoodTrustedRoot).Assembly.GetManifestResourceStream("McpVanguard.Trust.public-good-trusted-root.json")
            ?? throw new InvalidOperationException("the embedded public-good trusted root is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
