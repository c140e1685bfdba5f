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

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        var masked = uri.UserInfo.Length > 0 || uri.Query.Length > 0;
        builder.Query = uri.Query.Length > 0 ? Hidden : string.Empty;
        return masked ? builder.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : url;
    }
}
