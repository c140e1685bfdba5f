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
        if (root.ValueKind != JsonValueKind.Object)
        {
            strings = ArgumentStrings.Empty;
            return true;
        }

        if (HasDuplicateKey(root))
        {
            limitReason = DuplicateKeyReason;
            strings = ArgumentStrings.Empty;
            return false;
        }

        // The tool (or prompt) name next to "arguments" is not an argument: rules select tools by their tools glob.
        var skipName = root.TryGetProperty("arguments", out _);
        foreach (var property in root.EnumerateObject())
        {
            if (skipName && property.NameEquals("name") && property.Value.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            if (!Walk(property.Value, property.Name, 2, limits, items, ref limitReason))
            {
                strings = ArgumentStrings.Empty;
                return false;
            }
        }

        // Array-form commands ({"cmd": "docker", "args": ["run", "--privileged", …]}) are also seen as one command line,
        // so that signatures written for command lines cannot be dodged by splitting the words.
        if (items.Count < limits.MaxStrings && root.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            && ArgvCommandLine.From(arguments) is { } commandLine)
        {
            items.Add(StringCanonicalizer.Canonicalize(ArgvCommandLine.Key, commandLine));
        }

        strings = new ArgumentStrings(items);
        return true;
    }

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
            var rawA = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(a);
            var j = 0;
            foreach (var b in obj.EnumerateObject())
            {
                if (j > i && SameName(a, rawA, b))
                {
                    return true;
                }

                j++;
            }

            i++;
        }

        return false;
    }

    /// <summary>
    /// Whether two properties have the same name, without making a string of either in the usual case: names without an
    /// escape are equal exactly when their UTF-8 bytes are (the frame is valid UTF-8); <c>"\u0061"</c> and <c>"a"</c> are one
    /// key, so a name with an escape is compared decoded. (Reading every name as a string was one allocation per pair: ~150 KB
    /// for a 100-tool list.)
    /// </summary>
    private static bool SameName(JsonProperty a, ReadOnlySpan<byte> rawA, JsonProperty b)
    {
        var rawB = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(b);
        return rawA.IndexOf((byte)'\\') < 0 && rawB.IndexOf((byte)'\\') < 0 ? rawA.SequenceEqual(rawB) : a.NameEquals(b.Name);
    }

    private static bool Walk(JsonElement element, string key, int depth, PreflightLimits limits, List<ArgumentString> items, ref string? limitReason)
    {
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
                    if (!Walk(property.Value, property.Name, depth + 1, limits, items, ref limitReason))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Walk(item, key, depth + 1, limits, items, ref limitReason))
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
