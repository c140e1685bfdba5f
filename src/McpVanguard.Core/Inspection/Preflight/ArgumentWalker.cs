using System.Text.Json;

namespace McpVanguard.Inspection.Preflight;

/// <summary>Walks a message's <c>params</c> recursively (objects and arrays) and canonicalises every string value.</summary>
public static class ArgumentWalker
{
    /// <summary>The reason given when an object repeats a key.</summary>
    public const string DuplicateKeyReason = "An object in the message repeats a key.";

    /// <summary>The reason given when a string escape is not valid Unicode.</summary>
    public const string InvalidStringReason = "A string in the message is not valid Unicode (lone surrogate escape).";

    /// <summary>Collects the strings of <paramref name="params"/>; false when a limit is exceeded.</summary>
    public static bool TryWalk(JsonElement? @params, PreflightLimits limits, out ArgumentStrings strings, out string? limitReason)
    {
        limitReason = null;
        if (@params is not { } root)
        {
            strings = ArgumentStrings.Empty;
            return true;
        }

        var items = new List<ArgumentString>();
        var maxDepth = 0;
        if (!Walk(root, string.Empty, 1, limits, items, ref maxDepth, ref limitReason))
        {
            strings = ArgumentStrings.Empty;
            return false;
        }

        // Array-form commands ({"cmd": "docker", "args": ["run", "--privileged", …]}) are also seen as one command line,
        // so that signatures written for command lines cannot be dodged by splitting the words.
        if (items.Count < limits.MaxStrings && root.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            && CommandLineOf(arguments) is { } commandLine)
        {
            items.Add(StringCanonicalizer.Canonicalize(SynthesizedCommandKey, commandLine));
        }

        strings = new ArgumentStrings(items, maxDepth);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> ShellSpecial = System.Buffers.SearchValues.Create(" \t\n|&;<>()$`\\\"'*?");

    /// <summary>The key of the command line synthesised from an array-form command.</summary>
    public const string SynthesizedCommandKey = "command";

    private static string? CommandLineOf(JsonElement arguments)
    {
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

    /// <summary>True when <paramref name="obj"/> repeats a property name; quadratic only in the (small) width of one object.</summary>
    internal static bool HasDuplicateKey(JsonElement obj)
    {
        var count = 0;
        foreach (var _ in obj.EnumerateObject())
        {
            count++;
        }

        if (count < 2)
        {
            return false;
        }

        if (count > 32)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in obj.EnumerateObject())
            {
                if (!names.Add(p.Name))
                {
                    return true;
                }
            }

            return false;
        }

        var i = 0;
        foreach (var a in obj.EnumerateObject())
        {
            var j = 0;
            foreach (var b in obj.EnumerateObject())
            {
                if (j > i && a.NameEquals(b.Name))
                {
                    return true;
                }

                j++;
            }

            i++;
        }

        return false;
    }

    private static bool Walk(JsonElement element, string key, int depth, PreflightLimits limits, List<ArgumentString> items, ref int maxDepth, ref string? limitReason)
    {
        if (depth > maxDepth)
        {
            maxDepth = depth;
        }

        if (depth > limits.MaxDepth)
        {
            limitReason = $"Message nesting exceeds the limit of {limits.MaxDepth}.";
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (HasDuplicateKey(element))
                {
                    // Parsers that keep the first and the last duplicate disagree on what was sent: a classic smuggling trick.
                    limitReason = DuplicateKeyReason;
                    return false;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (!Walk(property.Value, property.Name, depth + 1, limits, items, ref maxDepth, ref limitReason))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Walk(item, key, depth + 1, limits, items, ref maxDepth, ref limitReason))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                if (items.Count >= limits.MaxStrings)
                {
                    limitReason = $"Message has more than {limits.MaxStrings} strings.";
                    return false;
                }

                string value;
                try
                {
                    value = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // "\ud800": an escape that decodes to a lone surrogate; no tool should receive it.
                    limitReason = InvalidStringReason;
                    return false;
                }

                items.Add(StringCanonicalizer.Canonicalize(key, value));
                return true;
            default:
                return true;
        }
    }
}
