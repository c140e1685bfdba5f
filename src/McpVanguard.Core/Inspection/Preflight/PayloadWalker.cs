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
        if (!Walk(node, new PayloadPath(pointer), null, -1, string.Empty, 2, limits, items, ref limitReason))
        {
            strings = PayloadStrings.Empty;
            return false;
        }

        strings = items.Count == 0 ? PayloadStrings.Empty : new PayloadStrings(items);
        return true;
    }

    /// <summary>The node of a container: the root's own node, or a child of its parent.</summary>
    private static PayloadPath Node(PayloadPath parent, string? name, int index)
        => name is null && index < 0 ? parent : new PayloadPath(parent, name, index);

    /// <param name="parent">The container of <paramref name="element"/>.</param>
    /// <param name="name">The property <paramref name="element"/> is the value of (null: an item of an array, or the root).</param>
    /// <param name="index">Its index in the array (when <paramref name="name"/> is null); −1 for the root itself.</param>
    private static bool Walk(JsonElement element, PayloadPath parent, string? name, int index, string key, int depth, PreflightLimits limits, List<PayloadString> items, ref string? limitReason)
    {
        if (depth > limits.MaxDepth)
        {
            limitReason = $"Message nesting exceeds the limit of {limits.MaxDepth}.";
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                if (ArgumentWalker.HasDuplicateKey(element))
                {
                    // The agent's parser and ours could disagree on which duplicate counts: refuse rather than guess.
                    limitReason = ArgumentWalker.DuplicateKeyReason;
                    return false;
                }

                var node = Node(parent, name, index);
                foreach (var property in element.EnumerateObject())
                {
                    var propertyName = property.Name;
                    if (!Walk(property.Value, node, propertyName, -1, propertyName, depth + 1, limits, items, ref limitReason))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonValueKind.Array:
            {
                var node = Node(parent, name, index);
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Walk(item, node, null, i, key, depth + 1, limits, items, ref limitReason))
                    {
                        return false;
                    }

                    i++;
                }

                return true;
            }

            case JsonValueKind.String:
                if (items.Count >= limits.MaxStrings)
                {
                    limitReason = $"Message has more than {limits.MaxStrings} strings.";
                    return false;
                }

                try
                {
                    // A string at the root (never in practice) is its own pointer's owner; elsewhere it names itself by key or index.
                    items.Add(index < 0 && name is null
                        ? new PayloadString(parent.Pointer, key, element.GetString()!)
                        : new PayloadString(parent, name ?? key, name is null ? index : -1, element.GetString()!));
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
