namespace McpVanguard.State;

/// <summary>
/// A parsed <c>redis://[user:password@]host:port[/db]</c> (or <c>rediss://</c> for TLS) address. The password is kept out
/// of <see cref="ToString"/>, so the address can be printed and logged.
/// </summary>
public sealed record RedisAddress(string Host, int Port, int Database, bool Tls, string? User, string? Password)
{
    /// <summary>The address without credentials (for the start-up line, logs and errors).</summary>
    public override string ToString() => $"{(Tls ? "rediss" : "redis")}://{(Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host)}:{Port}/{Database}";

    /// <summary>Parses <paramref name="text"/>; null (with <paramref name="error"/>) when it is not a Redis address.</summary>
    public static RedisAddress? TryParse(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
        {
            error = "must be redis://host:port[/db] or rediss://host:port[/db] (TLS)";
            return null;
        }

        if (uri.Host.Length == 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "must name a host and carry no query or fragment";
            return null;
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out database) || database > 15))
        {
            error = "has a database that is not a number from 0 to 15";
            return null;
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var info = Uri.UnescapeDataString(uri.UserInfo);
            var colon = info.IndexOf(':', StringComparison.Ordinal);
            (user, password) = colon < 0 ? (null, info) : (info[..colon], info[(colon + 1)..]);
            user = user is { Length: > 0 } ? user : null;
        }

        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            // Uri parses some hosts it cannot convert to IDNA (found by fuzzing): an error here, not a crash at start-up.
            error = "has a host name that is not a valid international domain name";
            return null;
        }

        return new RedisAddress(host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port, database, uri.Scheme == "rediss", user, password);
    }
}
