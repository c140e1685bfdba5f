using System.Text.Json;

namespace McpVanguard.Inspection.Preflight;

/// <summary>Walks a message's <c>params</c> recursively (objects and arrays) and canonicalises every string value.</summary>
public static class ArgumentWalker
{
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

        strings = new ArgumentStrings(items, maxDepth);
        return true;
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

                items.Add(StringCanonicalizer.Canonicalize(key, element.GetString()!));
                return true;
            default:
                return true;
        }
    }
}
