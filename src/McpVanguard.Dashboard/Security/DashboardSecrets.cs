using System.Security.Cryptography;

namespace McpVanguard.Dashboard.Security;

/// <summary>
/// The two random values of one <c>vanguard ui</c> run: the access token (in the printed URL once, then in an HttpOnly
/// cookie) and the CSRF token every form and script POST carries. New each run; never logged.
/// </summary>
internal sealed record DashboardSecrets(string AccessToken, string CsrfToken)
{
    public static DashboardSecrets Create() => new(RandomToken(), RandomToken());

    /// <summary>Constant-time comparison, so the token cannot be guessed a character at a time.</summary>
    public static bool Same(string? given, string expected)
        => given is not null
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));

    private static string RandomToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
