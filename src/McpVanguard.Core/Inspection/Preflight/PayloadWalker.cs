using System.Globalization;
using System.Text.Json;

namespace McpVanguard.Inspection.Preflight;

/// <summary>
/// Walks a response's <c>result</c> (or a server request's <c>params</c>) and records every string with its JSON Pointer,
/// under the same depth and string-count limits as the argument walk, so that detectors can ask for precise edits.
/// </summary>
public static class PayloadWalker
{
    /// <summary>Collects the strings under <paramref name="node"/>, whose pointer is <paramref name="pointer"/>; false when a limit is exceeded.</summary>
    public static bool TryWalk(JsonElement node, string pointer, PreflightLimits limits, out PayloadStrings strings, out string? limitReason)
    {
        limitReason = null;
        var items = new List<PayloadString>();
        if (!Walk(node, pointer, string.Empty, 2, limits, items, ref limitReason))
        {
            strings = PayloadStrings.Empty;
            return false;
        }

        strings = items.Count == 0 ? PayloadStrings.Empty : new PayloadStrings(items);
        return true;
    }

    private static bool Walk(JsonElement element, string pointer, string key, int depth, PreflightLimits limits, List<PayloadString> items, ref string? limitReason)
    {
        if (depth > limits.MaxDepth)
        {
            limitReason = $"Message nesting exceeds the limit of {limits.MaxDepth}.";
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (ArgumentWalker.HasDuplicateKey(element))
                {
                    // The agent's parser and ours could disagree on which duplicate counts: refuse rather than guess.
                    limitReason = ArgumentWalker.DuplicateKeyReason;
                    return false;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (!Walk(property.Value, pointer + "/" + Policy.MessageEdit.Escape(property.Name), property.Name, depth + 1, limits, items, ref limitReason))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Walk(item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture), key, depth + 1, limits, items, ref limitReason))
                    {
                        return false;
                    }

                    index++;
                }

                return true;
            case JsonValueKind.String:
                if (items.Count >= limits.MaxStrings)
                {
                    limitReason = $"Message has more than {limits.MaxStrings} strings.";
                    return false;
                }

                try
                {
                    items.Add(new PayloadString(pointer, key, element.GetString()!));
                }
                catch (InvalidOperationException)
                {
                    limitReason = ArgumentWalker.InvalidStringReason;
                    return false;
                }

                return true;
            default:
                return true;
        }
    }
}
