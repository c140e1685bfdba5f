using System.Text.Json;

namespace McpVanguard.Inspection.Preflight;

/// <summary>
/// Joins an array-form command (<c>{"cmd": "docker", "args": ["run", "--privileged"]}</c> or <c>{"command": ["sh",
/// "-c", "…"]}</c>) into one shell-quoted command line, so that signatures written for command lines also see it.
/// </summary>
internal static class ArgvCommandLine
{
    private static readonly System.Buffers.SearchValues<char> ShellSpecial = System.Buffers.SearchValues.Create(" \t\n|&;<>()$`\\\"'*?");

    /// <summary>The key the synthesised command line is filed under.</summary>
    public const string Key = "command";

    public static string? From(JsonElement arguments)
    {
        // Either form needs an array among the arguments, and an array's bracket is never escaped: a call without one
        // (most: a path, a command line as one string) has no property name read a second time.
        if (System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(arguments).IndexOf((byte)'[') < 0)
        {
            return null;
        }

        List<string>? words = null;
        List<string>? argv = null;
        foreach (var property in arguments.EnumerateObject())
        {
            var value = property.Value;
            if (words is null && ArgumentRoles.IsCommandKey(property.Name))
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } program && !program.Contains(' ', StringComparison.Ordinal))
                {
                    words = [program];
                }
                else if (value.ValueKind == JsonValueKind.Array && StringsOf(value) is { Count: > 1 } all)
                {
                    words = all;
                }
            }
            else if (argv is null && ArgumentRoles.IsArgvKey(property.Name) && value.ValueKind == JsonValueKind.Array)
            {
                argv = StringsOf(value);
            }
        }

        if (words is null || (words.Count == 1 && argv is not { Count: > 0 }))
        {
            return null;
        }

        if (words.Count == 1)
        {
            words.AddRange(argv!);
        }

        return string.Join(' ', words.Select(Quote));
    }

    private static List<string>? StringsOf(JsonElement array)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            try
            {
                list.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        return list;
    }

    /// <summary>Single-quotes a word that holds blanks or shell syntax, so the joined line tokenizes back to the same argv.</summary>
    private static string Quote(string word)
        => word.Length > 0 && word.AsSpan().IndexOfAny(ShellSpecial) < 0 ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
