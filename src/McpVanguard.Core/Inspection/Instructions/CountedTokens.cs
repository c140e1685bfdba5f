namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Tokens counted or described, not held ("maximum number of tokens to retrieve", "tokens used this month", "pass the token
/// name(s)", "token type"): blanked out of the copy the lexicon reads, as the English secret regexes already blank them, so
/// that a token budget beside "retrieve" or a token's name beside "pass" is no secret read.
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
            if (!AndTheirValues(canonical.AsSpan(m.Index + m.Length)))
            {
                chars.AsSpan(m.Index, m.Length).Fill(' ');
            }
        }

        return new string(chars);
    }

    /// <summary>"token names and values", "token ids, secrets": the phrase goes on to the tokens themselves, which are held.</summary>
    private static bool AndTheirValues(ReadOnlySpan<char> after)
    {
        after = after.TrimStart();
        foreach (var joiner in (ReadOnlySpan<string>)["and", "or", "&", ",", "/", "+", "with", "plus"])
        {
            if (after.StartsWith(joiner, StringComparison.Ordinal))
            {
                var rest = after[joiner.Length..].TrimStart();
                foreach (var skip in (ReadOnlySpan<string>)["their ", "the ", "its ", "full "])
                {
                    if (rest.StartsWith(skip, StringComparison.Ordinal))
                    {
                        rest = rest[skip.Length..].TrimStart();
                    }
                }

                return rest.StartsWith("value", StringComparison.Ordinal) || rest.StartsWith("content", StringComparison.Ordinal)
                    || rest.StartsWith("secret", StringComparison.Ordinal) || rest.StartsWith("token", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
