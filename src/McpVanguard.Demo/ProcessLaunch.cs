using System.Reflection;

namespace McpVanguard.Demo;

/// <summary>A program and its arguments, kept apart so nothing is ever re-split by a shell.</summary>
public sealed record ProcessLaunch(string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// How to start this same executable again with <paramref name="arguments"/>. Under
    /// <c>dotnet vanguard.dll</c> the process is the dotnet host, so the entry assembly's .dll
    /// has to come first; as an apphost or an installed tool the process path alone is enough.
    /// </summary>
    public static ProcessLaunch ForCurrentExecutable(IEnumerable<string> arguments)
    {
        var processPath = Environment.ProcessPath
            ?? throw new InvalidOperationException("cannot find the path of the running executable");
        var prefix = new List<string>();
        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Not Assembly.Location: empty in a single-file release binary (which never runs under the dotnet host anyway).
            var entry = Assembly.GetEntryAssembly()?.GetName().Name is { } name ? Path.Join(AppContext.BaseDirectory, name + ".dll") : null;
            if (entry is null || !File.Exists(entry))
            {
                throw new InvalidOperationException("running under the dotnet host but the entry assembly's file cannot be found");
            }

            prefix.Add(entry);
        }

        return new ProcessLaunch(processPath, [.. prefix, .. arguments]);
    }

    /// <summary>Command and arguments flattened, for a launch that nests this one (<c>vanguard start -- ...</c>).</summary>
    public IReadOnlyList<string> ToArgumentList() => [Command, .. Arguments];

    public override string ToString() => string.Join(' ', ToArgumentList().Select(Quote));

    private static string Quote(string part) => part.Length > 0 && !part.Any(char.IsWhiteSpace) ? part : $"\"{part}\"";
}
