namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// FNV-1a over UTF-16 code units: a digest that is the same in every process (string.GetHashCode is randomised), so
/// instances sharing a backend count the same target as one.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text, ulong seed = Offset)
    {
        var h = seed;
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        // 0 means "none" in an event.
        return h == 0 ? 1 : h;
    }

    public static ulong Of(string? a, string? b, ReadOnlySpan<byte> c)
    {
        var h = Of(a) * Prime ^ Of(b);
        foreach (var x in c)
        {
            h = (h ^ x) * Prime;
        }

        return h == 0 ? 1 : h;
    }

    private static ulong Of(string? text) => text is null ? Offset : Of(text.AsSpan());
}
