namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// Replaces the id and token values of a message with the other side's, leaving every other byte as it was: the one
/// change share mode makes to forwarded traffic, and one the receiver cannot tell from its own ids.
/// </summary>
internal static class JsonSplice
{
    /// <summary>A copy of <paramref name="json"/> with each found span replaced by its value (spans in any order, not overlapping).</summary>
    public static byte[] Replace(ReadOnlySpan<byte> json, JsonSpan first, ReadOnlySpan<byte> firstValue, JsonSpan second = default, ReadOnlySpan<byte> secondValue = default)
    {
        if (second.Found && (!first.Found || second.Start < first.Start))
        {
            return Replace(json, second, secondValue, first, firstValue);
        }

        var length = json.Length + (first.Found ? firstValue.Length - first.Length : 0) + (second.Found ? secondValue.Length - second.Length : 0);
        var output = new byte[length];
        var written = 0;
        var read = 0;
        foreach (var (span, value) in new[] { (first, 0), (second, 1) })
        {
            if (!span.Found)
            {
                continue;
            }

            json[read..span.Start].CopyTo(output.AsSpan(written));
            written += span.Start - read;
            var replacement = value == 0 ? firstValue : secondValue;
            replacement.CopyTo(output.AsSpan(written));
            written += replacement.Length;
            read = span.Start + span.Length;
        }

        json[read..].CopyTo(output.AsSpan(written));
        return output;
    }
}
