using System.Text;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A rule's regex, always run by the linear-time <see cref="RegexOptions.NonBacktracking"/> engine. Building such a
/// regex costs milliseconds, so it is built on first use (or by <see cref="Build"/> during a background warm-up), not
/// while vanguard starts.
/// </summary>
public sealed class RulePattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Regex> _regex;

    /// <param name="text">The pattern as written in the rule file.</param>
    /// <param name="caseFolded">
    /// True when the input is already lower-cased (the canonical copy): the pattern's literals are lower-cased instead
    /// of using IgnoreCase, whose Unicode case tables cost about 2 MiB per regex in this engine.
    /// </param>
    public RulePattern(string text, bool caseFolded)
    {
        Text = text;
        var source = caseFolded ? LowerLiterals(text) : text;
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (caseFolded ? RegexOptions.None : RegexOptions.IgnoreCase);
        _regex = new Lazy<Regex>(() => new Regex(source, options, MatchTimeout), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The pattern as written in the rule file.</summary>
    public string Text { get; }

    /// <summary>The compiled regex (built now if it was not yet).</summary>
    public Regex Regex => _regex.Value;

    public bool IsMatch(string input) => _regex.Value.IsMatch(input);

    /// <summary>Builds the regex; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> when it cannot run in linear time.</summary>
    public void Build() => _ = _regex.Value;

    public override string ToString() => Text;

    /// <summary>Lower-cases the literal characters of a pattern, leaving escapes (<c>\S</c>, <c>\W</c>, <c>\p{Lu}</c>) as they are.</summary>
    internal static string LowerLiterals(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }

            sb.Append(c).Append(pattern[++i]);
            if (pattern[i] is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                // A Unicode category name is case-sensitive: copy it up to the closing brace.
                while (++i < pattern.Length)
                {
                    sb.Append(pattern[i]);
                    if (pattern[i] == '}')
                    {
                        break;
                    }
                }
            }
        }

        return sb.ToString();
    }
}
