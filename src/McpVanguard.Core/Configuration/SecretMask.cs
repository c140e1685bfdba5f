namespace McpVanguard.Configuration;

/// <summary>How secrets appear in <c>config show</c> and in error messages: never in clear.</summary>
public static class SecretMask
{
    public const string Hidden = "****";

    /// <summary>A value that may be a secret (header value, environment value, key digest): only its length shows.</summary>
    public static string Value(string value) => value.Length == 0 ? "(empty)" : $"{Hidden} ({value.Length} chars)";

    /// <summary>A URL with any user info and query removed: both are where tokens hide in URLs.</summary>
    public static string Url(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // Not a URL: it may still be a pasted token, so show only its shape.
            return url.Length <= 24 && !url.Contains('@', StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal) ? url : Value(url);
        }

        // Rebuilt by hand: for some schemes (ftp) .NET keeps '?' inside the path, so the query is cut from the text itself.
        var path = uri.AbsolutePath;
        var cut = url.IndexOfAny(['?', '#'], url.IndexOf("//", StringComparison.Ordinal) + 2);
        if (cut >= 0)
        {
            var rest = url[..cut];
            path = rest[(rest.IndexOf('/', rest.IndexOf("//", StringComparison.Ordinal) + 2) is var slash and >= 0 ? slash : rest.Length)..];
        }

        var masked = uri.UserInfo.Length > 0 || cut >= 0;
        return masked ? $"{uri.Scheme}://{uri.Authority}{path}{(cut >= 0 ? "?" + Hidden : string.Empty)}" : url;
    }
}
