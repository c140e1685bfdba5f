namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Works out, from a regex's source, a set of lower-cased literals of which every match must contain at least one
/// (the way RE2's and Hyperscan's prefilters do). A string holding none of them cannot match, so the regex need not run
/// (nor even be built) for it. The analysis is conservative: a construct it does not understand only weakens or removes
/// the requirement, it never makes one up.
/// </summary>
public static partial class RequiredLiterals
{
    /// <summary>Most strings an exact set may hold before it is reduced to a requirement (keeps cross products small).</summary>
    private const int MaxExactStrings = 64;

    /// <summary>Longest exact string kept; longer literals are already selective enough.</summary>
    private const int MaxLiteralLength = 48;

    /// <summary>
    /// Marks a word boundary (<c>\b</c>) at the start or end of a literal: "nc" after <c>\b</c> must not be the middle of
    /// "include". A private-use character, never part of a pattern's own text.
    /// </summary>
    public const char WordBoundary = '\uE000';

    private const string Boundary = "\uE000";
    private const string BoundaryPair = "\uE000\uE000";

    /// <summary>The text of a literal, without its boundary marks.</summary>
    public static string TextOf(string literal) => literal.Replace(Boundary, string.Empty, StringComparison.Ordinal);

    /// <summary>True when a word boundary must come right before the literal's text.</summary>
    public static bool StartsAtWordBoundary(string literal) => literal.Length > 0 && literal[0] == WordBoundary;

    /// <summary>True when a word boundary must come right after the literal's text.</summary>
    public static bool EndsAtWordBoundary(string literal) => literal.Length > 0 && literal[^1] == WordBoundary;

    /// <summary>The literal as a user reads it (<c>\b</c> for a boundary).</summary>
    public static string Display(string literal) => literal.Replace(Boundary, "\\b", StringComparison.Ordinal);

    /// <summary>Most literal sets kept per pattern (the most selective ones).</summary>
    private const int MaxSets = 4;

    /// <summary>The most selective set of literals (lower-cased, distinct), or null when a match needs no fixed text.</summary>
    public static IReadOnlyList<string>? Extract(string pattern) => ExtractAll(pattern) is [var best, ..] ? best : null;

    /// <summary>
    /// Sets of literals that are all required: every match contains at least one literal of each set (a conjunction,
    /// most selective first). Empty when a match needs no fixed text.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ExtractAll(string pattern)
    {
        // The built-in patterns' sets are worked out at build time (the engine's table image); others are worked out here.
        if (Tables.TableImage.Current?.LiteralSets(pattern) is { } precompiled)
        {
            return precompiled;
        }

        Tables.TableRecorder.Current?.LiteralSets(pattern);
        return Analyse(pattern);
    }

    /// <summary><see cref="ExtractAll"/> worked out from the pattern (what the table image holds for the built-in patterns).</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Analyse(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var info = parser.ParseAlternation();
            if (!parser.AtEnd || info.AsRequirement() is not { } sets)
            {
                return [];
            }

            return [.. Top(sets).Select(set => Minimal([.. set.Select(EdgeBoundariesOnly)]))];
        }
        catch (NotSupportedException)
        {
            return [];
        }
    }

    /// <summary>Keeps a boundary mark only at the ends of a literal (inside one it says nothing the text does not).</summary>
    private static string EdgeBoundariesOnly(string literal)
    {
        var text = TextOf(literal);
        return (StartsAtWordBoundary(literal) ? Boundary : string.Empty) + text + (EndsAtWordBoundary(literal) ? Boundary : string.Empty);
    }

    /// <summary>The distinct literals, less those that contain another (a text holding "ncat" holds "nc").</summary>
    private static List<string> Minimal(List<string> set)
    {
        var distinct = set.Distinct(StringComparer.Ordinal).OrderBy(s => s.Length).ToList();
        var kept = new List<string>();
        foreach (var literal in distinct)
        {
            if (!kept.Exists(k => literal.Contains(k, StringComparison.Ordinal)))
            {
                kept.Add(literal);
            }
        }

        return kept;
    }

    /// <summary>
    /// What is known about a sub-pattern: either the finite set of strings it matches exactly, or sets of literals of
    /// which every match contains one each (null when none is required).
    /// </summary>
    private readonly record struct Info(List<string>? Exact, List<List<string>>? Required)
    {
        public static Info Empty => new([string.Empty], null);

        public static Info Any => new(null, null);

        /// <summary>The sets of which every match holds one literal each, or null when nothing is required.</summary>
        public List<List<string>>? AsRequirement()
            => Exact is { } exact ? (ValidSet(exact) ? [exact] : null) : Required;
    }

    private static bool ValidSet(List<string> set) => set.Count > 0 && set.TrueForAll(s => TextLength(s) > 0);

    private static int TextLength(string literal) => literal.Length - literal.AsSpan().Count(WordBoundary);

    /// <summary>How selective a set is: its shortest literal is longest, then it has fewer literals.</summary>
    private static (int MinLength, int NegCount) Score(List<string> set) => (set.Min(TextLength), -set.Count);

    private static List<string> Best(List<List<string>> sets) => sets.MaxBy(Score)!;

    /// <summary>The most selective distinct sets, at most <see cref="MaxSets"/>.</summary>
    private static List<List<string>> Top(List<List<string>> sets)
        => [.. sets.DistinctBy(s => string.Join('\u0000', s.Order(StringComparer.Ordinal))).OrderByDescending(Score).Take(MaxSets)];
}
