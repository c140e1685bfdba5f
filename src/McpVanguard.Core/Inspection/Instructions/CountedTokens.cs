namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Tokens counted, not held ("maximum number of tokens to retrieve", "tokens used this month"): blanked out of the copy the
/// lexicon reads, as the English secret regexes already blank them, so that a token budget beside "retrieve" is no secret read.
/// </summary>
internal static class CountedTokens
{
    /// <summary>
    /// <paramref name="text"/> (a copy of <paramref name="canonical"/> of the same length) with the counted-token phrases of
    /// <paramref name="canonical"/> blanked; <paramref name="text"/> itself when there are none (no allocation, no regex built).
    /// </summary>
    public static string Blank(string canonical, string text)
    {
        if (text.Length != canonical.Length || !canonical.Contains("token", StringComparison.Ordinal) || !InstructionAnalyzer.TokenUsageRegex.IsMatch(canonical))
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var m in InstructionAnalyzer.TokenUsageRegex.EnumerateMatches(canonical))
        {
            chars.AsSpan(m.Index, m.Length).Fill(' ');
        }

        return new string(chars);
    }
}
