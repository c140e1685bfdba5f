using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpVanguard.Testing;

/// <summary>Shared by the test projects that run the real <c>vanguard serve</c>: where the started gateway listens.</summary>
internal static partial class ServeListeningUrl
{
    /// <summary>Reads stderr until the gateway prints its Streamable HTTP URL, then keeps draining it so the process never blocks on a full pipe.</summary>
    /// <param name="seen">Receives the lines printed before the URL (start-up warnings), when given.</param>
    public static async Task<string> ReadAsync(Process vanguard, CancellationToken token, List<string>? seen = null)
    {
        seen ??= [];
        while (await vanguard.StandardError.ReadLineAsync(token) is { } line)
        {
            seen.Add(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                _ = vanguard.StandardError.ReadToEndAsync(CancellationToken.None);
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("vanguard serve exited without listening:\n" + string.Join('\n', seen));
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/mcp) ")]
    private static partial Regex ListeningLine();
}
