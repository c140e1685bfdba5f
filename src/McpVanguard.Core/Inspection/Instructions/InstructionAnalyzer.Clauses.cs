namespace McpVanguard.Inspection.Instructions;

/// <summary>Where a matched phrase stands: a forbidding clause, an order's scope, a comment addressed to a tool.</summary>
public static partial class InstructionAnalyzer
{
    /// <summary>
    /// True when the phrase at <paramref name="at"/> is forbidden rather than ordered: "never paste your API key into an
    /// issue", "do not ignore the previous instructions" are what setup guides and careful descriptions say.
    /// </summary>
    private static bool Prohibited(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        if (before.Length > 24)
        {
            before = before[^24..];
        }

        foreach (var negation in (ReadOnlySpan<string>)["never", "do not", "don't", "don’t", "dont", "must not", "mustn't", "should not", "shouldn't", "not to"])
        {
            if (before.EndsWith(negation, StringComparison.Ordinal) && (before.Length == negation.Length || !char.IsLetter(before[^(negation.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <see cref="ActingUnaskedRegex"/> matches in a clause that does not forbid the act ("never … without asking the user").</summary>
    private static bool ActingUnasked(string text, ref Span span)
    {
        if (!ActingUnaskedRegex.MayMatch(text))
        {
            return false;
        }

        foreach (var m in ActingUnaskedRegex.EnumerateMatches(text))
        {
            var clauseStart = text.AsSpan(0, m.Index).LastIndexOfAny(".!?\n;") + 1;
            var clause = text.AsSpan(clauseStart, m.Index - clauseStart);
            if (clause.Contains("never", StringComparison.Ordinal) || clause.Contains("do not", StringComparison.Ordinal) || clause.Contains("don't", StringComparison.Ordinal)
                || clause.Contains("must not", StringComparison.Ordinal) || clause.Contains("should not", StringComparison.Ordinal) || clause.Contains("shouldn't", StringComparison.Ordinal)
                || text.AsSpan(m.Index + m.Length).TrimStart().StartsWith("first", StringComparison.Ordinal))
            {
                continue;
            }

            span = span.Join(new Span(m.Index, m.Index + m.Length));
            return true;
        }

        return false;
    }

    /// <summary>How far from a send-to-address order its scope (what is sent) may be named.</summary>
    private const int ScopeReach = 240;

    /// <summary>
    /// True when what is sent (<see cref="ExfiltrationScopeRegex"/>) is named on the lines of the send-to-address order, at most
    /// <see cref="ScopeReach"/> characters from it. Descriptions joined one per line ("Post a JSON payload to the team's webhook." /
    /// "Rotate the database password.") put a destination in one tool and a scope in another, which orders nothing.
    /// </summary>
    private static bool ScopeNear(string text, Span order)
    {
        var from = Math.Max(Math.Max(0, order.Start - ScopeReach), text.LastIndexOf('\n', Math.Max(0, order.Start - 1)) + 1);
        var lineEnd = order.End < text.Length ? text.IndexOf('\n', order.End) : -1;
        var to = Math.Min(Math.Min(text.Length, order.End + ScopeReach), lineEnd < 0 ? text.Length : lineEnd);
        return to > from && ExfiltrationScopeRegex.IsMatch(text.AsSpan(from, to - from));
    }

    /// <summary>An HTML comment holding at least three words: invisible when rendered, read by the model.</summary>
    private static bool HtmlComment(string text, ref Span span)
    {
        var open = text.IndexOf("<!--", StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            var body = text.AsSpan(open + 4, (close < 0 ? text.Length : close) - open - 4).Trim();
            if (body.Count(' ') >= 2 && body.Length >= 12 && !Pragma(body))
            {
                span = span.Join(new Span(open, close < 0 ? text.Length : close + 3));
                return true;
            }

            open = close < 0 ? -1 : text.IndexOf("<!--", close, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>
    /// A comment addressed to a Markdown tool, not a reader: <c>markdownlint-disable MD013 MD033</c>, <c>prettier-ignore</c>,
    /// <c>toc</c>, <c>cspell:ignore …</c>, <c>vale off</c>, <c>eslint-disable</c>: a pragma word and rule ids, no sentence.
    /// </summary>
    private static bool Pragma(ReadOnlySpan<char> body)
    {
        var firstEnd = body.IndexOf(' ');
        var first = firstEnd < 0 ? body : body[..firstEnd];
        var pragma = first.StartsWith("markdownlint", StringComparison.Ordinal) || first.StartsWith("prettier-", StringComparison.Ordinal)
            || first.StartsWith("eslint-", StringComparison.Ordinal) || first.StartsWith("textlint-", StringComparison.Ordinal)
            || first.StartsWith("cspell:", StringComparison.Ordinal) || first.StartsWith("spellchecker:", StringComparison.Ordinal)
            || first.StartsWith("vale.", StringComparison.Ordinal) || first is "vale" or "toc" or "tocstop" or "mdformat" or "lint";
        if (!pragma)
        {
            return false;
        }

        // The rest are rule ids or words to accept (md013, no-inline-html, kubectl): one token each, no sentence punctuation.
        foreach (var c in body)
        {
            if (c is '.' or ',' or ';' or '!' or '?' or '~' or '/' or '@' || c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }
}
