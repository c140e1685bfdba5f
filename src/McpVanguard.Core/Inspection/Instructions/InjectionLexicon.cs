using System.Globalization;
using System.Text;
using McpVanguard.Inspection.Rules;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The multilingual prompt-injection lexicon (<c>InjectionLexicon.yaml</c>, embedded): concepts such as "ignore",
/// "previous instructions", "do not tell the user", "send", "API keys", "conversation history" in some fifty languages and romanised forms, and
/// the combinations of concepts that make an instruction. Both directions use it: the agent→server phrase families
/// (<see cref="InjectionPhrases"/>) report its combinations under their INJ rules, and <see cref="InstructionAnalyzer"/>
/// turns them into signals in what servers send. One Aho–Corasick pass over the folded text finds every term.
/// </summary>
public sealed class InjectionLexicon
{
    /// <summary>
    /// Term occurrences kept per text: one per character at most, so memory stays linear in the (size-limited) message. A
    /// fixed bound would let a text padded with ordinary vocabulary push its real instruction out of reach.
    /// </summary>
    private static int MaxOccurrences(int length) => Math.Max(2048, length);

    // Built on first use; the build is one-off work, not the running cost the inspection budget measures.
    private static readonly Lazy<InjectionLexicon> Loaded = new(() => OneOffCost.Measure(Load));

    /// <summary>The occurrences of a concept a text does not hold: shared, never added to.</summary>
    private static readonly List<(int Start, int End)> NoOccurrences = [];

    [ThreadStatic]
    private static string? t_text;

    [ThreadStatic]
    private static LexiconMatches? t_matches;

    [ThreadStatic]
    private static List<(int Literal, int Last)>? t_occurrences;

    /// <summary>The longest text folded into the thread's own buffer (8 KB per thread); longer texts rent a buffer.</summary>
    private const int KeptFoldChars = 4096;

    [ThreadStatic]
    private static char[]? t_fold;

    private readonly LiteralAutomaton _automaton;
    private readonly LexiconStartScan? _startScan;
    private readonly LexiconMatches _empty;

    /// <summary>Per literal: its concepts, and whether a word boundary must precede and follow it.</summary>
    private readonly (int[] Concepts, bool Start, bool End)[] _literals;

    private InjectionLexicon(IReadOnlyList<string> concepts, LiteralAutomaton automaton, IReadOnlyList<string> terms, (int[] Concepts, bool Start, bool End)[] literals, IReadOnlyList<LexiconCombination> combinations)
    {
        Concepts = concepts;
        _automaton = automaton;
        _startScan = LexiconStartScan.TryCreate(automaton, terms, literals);
        _literals = literals;
        Combinations = combinations;
        _empty = new LexiconMatches([.. concepts.Select(static _ => new List<(int Start, int End)>())], []);
    }

    /// <summary>The embedded lexicon.</summary>
    public static InjectionLexicon Default => Loaded.Value;

    /// <summary>The concept names, by id.</summary>
    public IReadOnlyList<string> Concepts { get; }

    /// <summary>The scan from the places a term can start, or null when this lexicon runs the automaton's full pass (tests).</summary>
    internal LexiconStartScan? StartScan => _startScan;

    /// <summary>Every combination, in file order.</summary>
    public IReadOnlyList<LexiconCombination> Combinations { get; }

    /// <summary>The combinations reported under <paramref name="ruleId"/> in the agent's arguments.</summary>
    public LexiconCombination[] ForRule(string ruleId) => [.. Combinations.Where(c => c.RuleId == ruleId)];

    /// <summary>True when the combination named <paramref name="combinationId"/> occurs in <paramref name="text"/>.</summary>
    public bool Finds(string text, string combinationId)
    {
        foreach (var combination in Combinations)
        {
            if (combination.Id == combinationId)
            {
                return Scan(text).Find(combination, out _, out _);
            }
        }

        throw new ArgumentException("Unknown lexicon combination: " + combinationId, nameof(combinationId));
    }

    /// <summary>The id of concept <paramref name="name"/>.</summary>
    public int ConceptId(string name)
    {
        for (var i = 0; i < Concepts.Count; i++)
        {
            if (Concepts[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException("Unknown lexicon concept: " + name, nameof(name));
    }

    /// <summary>The terms of <paramref name="text"/> (case and diacritics ignored); the result for the last text is kept per thread.</summary>
    public LexiconMatches Scan(string text)
    {
        if (ReferenceEquals(t_text, text) && t_matches is { } cached)
        {
            return cached;
        }

        // Walked from the places a term can start, folding as it reads: no folded copy, and most of each word skipped.
        // Past the bound on occurrences the full pass decides which ones are kept (its order), so it runs instead.
        var occurrences = t_occurrences ??= [];
        occurrences.Clear();
        if (_startScan is { } startScan && startScan.TryScan(text, occurrences, MaxOccurrences(text.Length)))
        {
            return Matches(text, occurrences);
        }

        return ScanFolded(text);
    }

    /// <summary>The terms of <paramref name="text"/> by the automaton's full pass over its folded copy.</summary>
    internal LexiconMatches ScanFolded(string text)
    {
        // The folded copy lives in a buffer for the scan only (the matches keep positions, not text): a 100 KB write no
        // longer allocates a 200 KB string. Texts up to KeptFoldChars use this thread's own buffer; longer ones rent one.
        if (text.Length <= KeptFoldChars)
        {
            var kept = t_fold ??= new char[KeptFoldChars];
            LexiconFolding.FoldInto(text, kept);
            return Scan(text, kept, text.Length);
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            LexiconFolding.FoldInto(text, buffer);
            return Scan(text, buffer, text.Length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The terms of <paramref name="text"/>, whose folded copy is the first <paramref name="length"/> characters of <paramref name="buffer"/>.</summary>
    private LexiconMatches Scan(string text, char[] buffer, int length)
    {
        var folded = new ReadOnlySpan<char>(buffer, 0, length);
        var occurrences = t_occurrences ??= [];
        occurrences.Clear();
        // Word boundaries are checked as occurrences are found, so that fragments inside other words ("ne" in "new") never
        // use up the bound and push a real term out of reach.
        _automaton.ScanOccurrences(folded, occurrences, MaxOccurrences(folded.Length), (literal, last) => HoldsBoundaries(new ReadOnlySpan<char>(buffer, 0, length), literal, last));
        return Matches(text, occurrences);
    }

    /// <summary>The matches made of <paramref name="occurrences"/> (in any order: each concept's list is sorted), kept for this thread.</summary>
    private LexiconMatches Matches(string text, List<(int Literal, int Last)> occurrences)
    {
        if (occurrences.Count == 0)
        {
            t_text = text;
            t_matches = _empty;
            return _empty;
        }

        // Concepts the text does not hold share one empty list (read only): a text holds a handful of the concepts.
        var byConcept = new List<(int Start, int End)>[Concepts.Count];
        Array.Fill(byConcept, NoOccurrences);

        foreach (var (literal, last) in occurrences)
        {
            var (concepts, _, needEnd) = _literals[literal];
            var start = last - _automaton.LengthOf(literal) + 1;

            // A stem's match reaches to the end of its word, so that a mask covers "Anweisungen", not "Anweisung".
            var end = last + 1;
            while (!needEnd && end < text.Length && LexiconStartScan.IsWord(text[end]) && LexiconStartScan.IsWord(text[end - 1]))
            {
                end++;
            }

            foreach (var concept in concepts)
            {
                var list = byConcept[concept];
                if (ReferenceEquals(list, NoOccurrences))
                {
                    list = byConcept[concept] = [];
                }

                list.Add((start, end));
            }
        }

        foreach (var list in byConcept)
        {
            if (list.Count > 1)
            {
                list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            }
        }

        var matches = new LexiconMatches(byConcept, text);
        t_text = text;
        t_matches = matches;
        return matches;
    }

    /// <summary>Whether the occurrence of <paramref name="literal"/> ending at <paramref name="last"/> stands as a word where its term needs one.</summary>
    private bool HoldsBoundaries(ReadOnlySpan<char> folded, int literal, int last)
    {
        var (_, needStart, needEnd) = _literals[literal];
        var start = last - _automaton.LengthOf(literal) + 1;
        return !(needStart && start > 0 && LexiconFolding.IsSpacedScriptLetter(folded[start - 1]))
            && !(needEnd && last + 1 < folded.Length && LexiconFolding.IsSpacedScriptLetter(folded[last + 1]));
    }

    /// <summary>The server→agent signals of <paramref name="text"/>, with the extent of the matched terms (−1 when none).</summary>
    public InstructionSignals Signals(string text, out int start, out int end)
    {
        start = -1;
        end = -1;
        var matches = Scan(text);
        if (matches.IsEmpty)
        {
            return InstructionSignals.None;
        }

        var signals = InstructionSignals.None;
        foreach (var combination in Combinations)
        {
            if ((signals & combination.Signals) != combination.Signals && matches.Find(combination, out var s, out var e))
            {
                signals |= combination.Signals;
                start = start < 0 ? s : Math.Min(start, s);
                end = Math.Max(end, e);
            }
        }

        return signals;
    }

    /// <summary>Most clause ends kept per text; past them, combinations may span clauses (still bounded by their windows).</summary>
    private const int MaxBreaks = 4096;

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(";\n。；！？.?!");

    /// <summary>Positions that end a clause: ';', CJK full stops, line breaks, and '.', '?', '!' before whitespace.</summary>
    internal static List<int> ClauseBreaks(string text)
    {
        var breaks = new List<int>();
        for (var i = 0; i < text.Length && breaks.Count < MaxBreaks; i++)
        {
            // Vectorised skip to the next candidate character: most of a text ends no clause.
            var skip = text.AsSpan(i).IndexOfAny(ClauseEnds);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = text[i];
            // '.', '?' and '!' end a clause only before whitespace: "~/.ssh", "e.g.x" and "https://x/?q=" do not.
            if (c is ';' or '\n' or '。' or '；' or '！' or '？'
                || (c is '.' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                breaks.Add(i);
            }
        }

        return breaks;
    }

    private static InjectionLexicon Load()
    {
        var assembly = typeof(InjectionLexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded injection lexicon is missing.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);

        // Parsed at build time into the table image when it was built from these bytes; otherwise parsed here.
        var tables = Tables.TableImage.Current?.Lexicon(bytes) ?? ParseTables(new StreamReader(new MemoryStream(bytes), Encoding.UTF8));
        return new InjectionLexicon(tables);
    }

    /// <summary>The name of the embedded lexicon (the table image is built from it).</summary>
    internal const string ResourceName = "McpVanguard.Lexicon.InjectionLexicon.yaml";

    /// <summary>Reads a lexicon in the format of <c>InjectionLexicon.yaml</c>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static InjectionLexicon Parse(TextReader reader) => new(ParseTables(reader));

    /// <summary>A lexicon of tables already parsed (tests compare tables read from the table image with the YAML's).</summary>
    internal static InjectionLexicon FromTables(LexiconTables tables) => new(tables);

    private InjectionLexicon(LexiconTables tables)
        : this(tables.Concepts, new LiteralAutomaton(tables.Marked), tables.Marked, tables.Literals, tables.Combinations)
    {
    }

    /// <summary>The concepts, terms and combinations of a lexicon file, before its automaton is built.</summary>
    internal static LexiconTables ParseTables(TextReader reader)
    {
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var conceptsNode = (YamlMappingNode)root.Children[new YamlScalarNode("concepts")];
        var names = new List<string>();
        var literalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var marked = new List<string>();
        var literals = new List<(List<int> Concepts, bool Start, bool End)>();
        foreach (var (nameNode, languages) in conceptsNode.Children)
        {
            var concept = names.Count;
            names.Add(((YamlScalarNode)nameNode).Value!);
            foreach (var (_, terms) in ((YamlMappingNode)languages).Children)
            {
                foreach (var termNode in ((YamlSequenceNode)terms).Children)
                {
                    var raw = ((YamlScalarNode)termNode).Value ?? string.Empty;
                    var stem = raw.EndsWith('*');
                    var text = LexiconFolding.Fold((stem ? raw[..^1] : raw).Normalize(NormalizationForm.FormKC)).Trim();
                    if (text.Length == 0 || text.Contains('*', StringComparison.Ordinal))
                    {
                        throw new FormatException($"Lexicon concept '{names[concept]}': bad term '{raw}' ('*' may only end a term).");
                    }

                    var needStart = LexiconFolding.IsSpacedScriptLetter(text[0]);
                    var needEnd = !stem && LexiconFolding.IsSpacedScriptLetter(text[^1]);
                    var key = (needStart ? "^" : "") + text + (needEnd ? "$" : "");
                    if (!literalIds.TryGetValue(key, out var id))
                    {
                        id = marked.Count;
                        literalIds[key] = id;
                        marked.Add(text);
                        literals.Add(([], needStart, needEnd));
                    }

                    if (!literals[id].Concepts.Contains(concept))
                    {
                        literals[id].Concepts.Add(concept);
                    }
                }
            }
        }

        var combinations = new List<LexiconCombination>();
        foreach (var node in (YamlSequenceNode)root.Children[new YamlScalarNode("combinations")])
        {
            var map = (YamlMappingNode)node;
            string Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? string.Empty : string.Empty;
            var id = Scalar("id");
            int Concept(string name)
            {
                var i = names.IndexOf(name.Trim());
                return i >= 0 ? i : throw new FormatException($"Lexicon combination '{id}': unknown concept '{name}'.");
            }

            var groups = ((YamlSequenceNode)map.Children[new YamlScalarNode("all")]).Children
                .Select(g => ((YamlScalarNode)g).Value!.Split('|').Select(Concept).ToArray()).ToArray();
            var signals = InstructionSignals.None;
            foreach (var part in Scalar("signal").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                signals |= Enum.TryParse<InstructionSignals>(part, out var s) && Enum.IsDefined(s)
                    ? s : throw new FormatException($"Lexicon combination '{id}': unknown signal '{part}'.");
            }

            var unless = Scalar("unless_near");
            var rule = Scalar("rule");
            combinations.Add(new LexiconCombination(
                id, groups, int.Parse(Scalar("window"), CultureInfo.InvariantCulture), unless.Length == 0 ? -1 : Concept(unless), signals, rule.Length == 0 ? null : rule));
        }

        return new LexiconTables([.. names], [.. marked], [.. literals.Select(l => (l.Concepts.ToArray(), l.Start, l.End))], [.. combinations]);
    }
}
