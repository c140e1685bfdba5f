using McpVanguard.Transports.Stdio;

namespace McpVanguard.Scanning;

/// <summary>A server command line that runs <c>vanguard start</c> in front of another server: what it wraps and under which server id.</summary>
/// <param name="Inner">The wrapped server's own command line (after <c>--</c>, or split from <c>--server</c>).</param>
/// <param name="ServerId">The <c>--server-id</c> it gives, if any.</param>
/// <param name="Launcher">What runs vanguard: its executable, or <c>dotnet</c> and <c>vanguard.dll</c> (everything before <c>start</c>).</param>
public sealed record VanguardWrapping(IReadOnlyList<string> Inner, string? ServerId, IReadOnlyList<string> Launcher)
{
    /// <summary>The file that is vanguard: the executable, or the <c>vanguard.dll</c> that <c>dotnet</c> runs.</summary>
    public string LauncherFile => Launcher[^1];

    /// <summary>The <c>--profile</c> the wrapping gives (monitor, balanced, strict as written), if any.</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// Recognises <c>vanguard start … -- CMD ARGS</c>, <c>vanguard start --server "CMD ARGS"</c> and the same through
    /// <c>dotnet …/vanguard.dll</c>, whatever the path of the executable. Null for any other command line.
    /// </summary>
    public static VanguardWrapping? TryRead(IReadOnlyList<string> argv)
    {
        if (argv.Count < 2)
        {
            return null;
        }

        int start;
        if (IsVanguard(argv[0]) && argv[1] == "start")
        {
            start = 2;
        }
        else if (IsDotnet(argv[0]) && argv.Count >= 3 && FileStem(argv[1]).Equals("vanguard", StringComparison.OrdinalIgnoreCase) && argv[2] == "start")
        {
            start = 3;
        }
        else
        {
            return null;
        }

        string? serverId = null;
        string? profile = null;
        IReadOnlyList<string>? inner = null;
        for (var i = start; i < argv.Count; i++)
        {
            var token = argv[i];
            if (token == "--")
            {
                inner = argv.Skip(i + 1).ToList();
                break;
            }

            if ((token is "--server" or "-s") && i + 1 < argv.Count)
            {
                try
                {
                    inner = CommandLineSplitter.Split(argv[++i]);
                }
                catch (FormatException)
                {
                    return null;
                }
            }
            else if (token == "--server-id" && i + 1 < argv.Count)
            {
                serverId = argv[++i];
            }
            else if (token.StartsWith("--server-id=", StringComparison.Ordinal))
            {
                serverId = token["--server-id=".Length..];
            }
            else if ((token is "--profile" or "-p") && i + 1 < argv.Count)
            {
                profile = argv[++i];
            }
            else if (token.StartsWith("--profile=", StringComparison.Ordinal))
            {
                profile = token["--profile=".Length..];
            }
        }

        return inner is { Count: > 0 } ? new VanguardWrapping(inner, serverId, argv.Take(start - 1).ToList()) { Profile = profile } : null;
    }

    private static bool IsVanguard(string command) => FileStem(command).Equals("vanguard", StringComparison.OrdinalIgnoreCase);

    private static bool IsDotnet(string command) => FileStem(command).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without directory or extension, for both / and \ separators (a Windows path read on Linux too).</summary>
    private static string FileStem(string path)
    {
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 && name[dot..].ToLowerInvariant() is ".exe" or ".dll" or ".cmd" ? name[..dot] : name;
    }
}
