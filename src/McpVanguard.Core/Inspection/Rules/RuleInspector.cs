using McpVanguard.Inspection.Shell;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Runs the L1 YAML signatures of the active profile as one compiled set: a literal prefilter scans each canonical
/// string once and names the rules that can match it; only those are checked against the message's method, tool and
/// key, and only then is their regex run (and built, on first need). The cost of a message follows its strings and the
/// rules they can trigger, not the number of rules loaded.
/// </summary>
public sealed class RuleInspector : IInspector
{
    // Per-rule state within one message.
    private const byte Undecided = 0;
    private const byte Applies = 1;
    private const byte DoesNotApply = 2;
    private const byte Fired = 3;

    [ThreadStatic]
    private static RuleScratch? t_scratch;

    private readonly Rule[] _rules;

    /// <summary>
    /// Every rule's literals, found in any case, over the lower-cased canonical copy: one pass names the candidates of the
    /// canonical rules and, when the decoded copy differs from the canonical one only in ASCII case (almost every string),
    /// of the decoded rules too. Finding in any case over a lower-cased text finds what a case-sensitive scan finds, and a
    /// decoded rule named where only its canonical copy holds a literal (a folded backslash) is only a candidate: its regex,
    /// run on the decoded copy, decides.
    /// </summary>
    private readonly LiteralPrefilter _canonical;

    /// <summary>Rules matched on the case-kept decoded copy (their literals found in any case), for a decoded copy that is more than a case twin; null when there are none.</summary>
    private readonly LiteralPrefilter? _decoded;

    /// <summary>
    /// Canonical copies at least this long are scanned once for the rules' literals and the analysers' gates together
    /// (<see cref="FusedLiteralScan"/>): both are dense passes over every character, and the gates would otherwise scan the
    /// same text again a moment later. Shorter texts keep their own passes (the gates of a short text may never be asked,
    /// and the thread keeps the results of only a few texts).
    /// </summary>
    internal const int FuseFrom = LiteralAutomaton.InterleaveFrom;

    private readonly Lock _fuseSync = new();

    /// <summary>The rules' canonical prefilter fused with the gates as compiled when it was built (rebuilt when they are recompiled).</summary>
    private volatile FusedLiteralScan? _fused;

    /// <summary>The literals of the enabled rules of every profile: the fused automaton knows them all, so the profiles' engines share it.</summary>
    private readonly string[] _everyProfilesLiterals;

    public RuleInspector(IEnumerable<Rule> rules, Profile profile)
    {
        // Analyser rules (no pattern) are reported by their analysers; a disabled signature is never run.
        _rules = [.. rules.Where(r => r.Pattern is not null && r.Enabled && r.Profiles.Contains(profile))];
        var indexed = _rules.Select((rule, index) => (Rule: rule, Index: index)).ToList();
        _canonical = new LiteralPrefilter(indexed.Select(r => (r.Rule.Pattern!.RequiredLiteralSets, r.Index)), _rules.Length, ignoreCase: true);
        _everyProfilesLiterals = [.. rules.Where(r => r.Pattern is not null && r.Enabled).SelectMany(r => r.Pattern!.RequiredLiteralSets).SelectMany(set => set).Distinct(StringComparer.Ordinal)];
        _decoded = indexed.Any(r => r.Rule.MatchDecoded) ? new LiteralPrefilter(indexed.Where(r => r.Rule.MatchDecoded).Select(r => (r.Rule.Pattern!.RequiredLiteralSets, r.Index)), _rules.Length, ignoreCase: true) : null;
    }

    public string Id => "L1-RULES";

    public int Count => _rules.Length;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        var method = context.Message.Method;
        var strings = context.Strings.Items;
        if (method is null || strings.Count == 0 || _rules.Length == 0)
        {
            return;
        }

        var tool = context.Message.ToolName;

        // In a tool that runs what it is given, a command rule reads every candidate command, whatever its key (terminal {"text": …}).
        // Decided on the first signature hit outside a rule's keys, so clean traffic never pays for it.
        bool? execTool = null;
        var scratch = t_scratch is { } s0 && s0.Owner == this ? s0 : t_scratch = new RuleScratch(this, _rules.Length);
        var state = scratch.State;
        var candidates = scratch.Candidates;
        var anyFired = false;
        Array.Clear(state);
        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            scratch.Prefilter.BeginString();
            candidates.Clear();
            if (s.Canonical.Length >= FuseFrom)
            {
                CollectFused(s.Canonical, scratch, candidates);
            }
            else
            {
                _canonical.Collect(s.Canonical, scratch.Prefilter, candidates);
            }

            if (_decoded is not null && !IsCaseTwin(s))
            {
                _decoded.Collect(s.Decoded, scratch.Prefilter, candidates);
            }

            foreach (var index in candidates)
            {
                if (state[index] == Undecided)
                {
                    state[index] = _rules[index].AppliesTo(method, tool) ? Applies : DoesNotApply;
                }

                if (state[index] == Applies)
                {
                    var rule = _rules[index];
                    var text = rule.MatchDecoded ? s.Decoded : s.Canonical;
                    if (ReadsString(rule, s, ref execTool, tool) && rule.Pattern!.IsMatch(text) && !OnlyInData(rule, s, text, strings))
                    {
                        state[index] = Fired;
                        anyFired = true;
                    }
                }
            }
        }

        if (!anyFired)
        {
            return;
        }

        // Report in rule order, once per rule, whatever string matched.
        for (var index = 0; index < _rules.Length; index++)
        {
            if (state[index] == Fired)
            {
                var rule = _rules[index];
                findings.Add(new Finding(rule.Id, "L1", rule.Category, rule.Severity, rule.Action, rule.Title));
            }
        }
    }

    /// <summary>
    /// The rules' candidates for a long canonical copy from one fused pass, which also leaves the analysers' gate results
    /// for that text with <see cref="AnalyzerGates"/> (the secret scanner and the injection analysers ask for them next).
    /// </summary>
    private void CollectFused(string text, RuleScratch scratch, List<int> candidates)
    {
        var gates = AnalyzerGates.CurrentPrefilter;
        var fused = _fused;
        if (fused is null || !ReferenceEquals(fused.Parts[1], gates))
        {
            fused = Fuse(gates);
        }

        fused.Scan(text, scratch.Prefilter, scratch.Fused, scratch.FoundPerPart);
        _canonical.CollectFound(scratch.FoundPerPart[0], scratch.Prefilter, candidates);
        AnalyzerGates.Store(text, gates, scratch.FoundPerPart[1]);
    }

    private FusedLiteralScan Fuse(LiteralPrefilter gates)
    {
        lock (_fuseSync)
        {
            if (_fused is { } held && ReferenceEquals(held.Parts[1], gates))
            {
                return held;
            }

            var fused = OneOffCost.Measure(() => new FusedLiteralScan([_canonical, gates], _everyProfilesLiterals));
            _fused = fused;
            return fused;
        }
    }

    /// <summary>Builds the fused pass for the gates registered now (the table image's builder records it; see <see cref="FuseFrom"/>).</summary>
    internal void PrepareFusedScan() => Fuse(AnalyzerGates.CurrentPrefilter);

    /// <summary>The rules' candidates for <paramref name="text"/> and the gates it passes, by the fused pass (tests compare it with the separate passes).</summary>
    internal (List<int> Rules, bool[] Gates) FusedCandidates(string text)
    {
        var scratch = t_scratch is { } s0 && s0.Owner == this ? s0 : t_scratch = new RuleScratch(this, _rules.Length);
        var candidates = new List<int>();
        scratch.Prefilter.BeginString();
        AnalyzerGates.Forget();
        CollectFused(text, scratch, candidates);
        return (candidates, (bool[])AnalyzerGates.Passes(text).Clone());
    }

    /// <summary>The literals of the fused pass as built now (tests: a rule's literal reaches it).</summary>
    internal IReadOnlyList<string> FusedLiteralTexts() => Fuse(AnalyzerGates.CurrentPrefilter).Literals;

    /// <summary>The fused automaton's size (tests, benchmarks).</summary>
    internal (long Entries, bool Dense) FusedSize => Fuse(AnalyzerGates.CurrentPrefilter).Size;

    /// <summary>The same by the separate passes (the rules' prefilter, then the gates' own scan).</summary>
    internal (List<int> Rules, bool[] Gates) SeparateCandidates(string text)
    {
        var scratch = t_scratch is { } s0 && s0.Owner == this ? s0 : t_scratch = new RuleScratch(this, _rules.Length);
        var candidates = new List<int>();
        scratch.Prefilter.BeginString();
        _canonical.Collect(text, scratch.Prefilter, candidates);
        AnalyzerGates.Forget();
        return (candidates, (bool[])AnalyzerGates.Passes(text).Clone());
    }

    /// <summary>True when the decoded copy equals the canonical one but for ASCII case (no backslash folded, nothing but ASCII letters lowered).</summary>
    private static bool IsCaseTwin(ArgumentString s)
        => ReferenceEquals(s.Decoded, s.Canonical) || s.Decoded.Length == s.Canonical.Length && System.Text.Ascii.EqualsIgnoreCase(s.Decoded, s.Canonical);

    /// <summary>
    /// True when a SQL signature matched a command line only inside its data (an echo operand, a grep pattern, a commit message, an
    /// environment value such as <c>NODE_OPTIONS='--max-old-space-size=4096'</c>, which SQL-012 would read as <c>'--</c>). Checked only after a
    /// match, so the parse is paid on hits. Command, secret and injection rules judge data on purpose (a grep for private keys, a
    /// package index in PIP_INDEX_URL, a key in a commit message, an instruction in an issue body).
    /// </summary>
    private static bool OnlyInData(Rule rule, ArgumentString s, string text, IReadOnlyList<ArgumentString> strings) =>
        CredentialSearchRules.Contains(rule.Id) && (rule.KeyApplies("command") ? TestDataSearch.IsConfined(s.Decoded) : TestDataSearch.IsConfined(strings))
        || rule.Id.StartsWith("PERS-", StringComparison.Ordinal) && WrittenIntoDocumentation(s, strings)
        || rule.Id.StartsWith("SQL-", StringComparison.Ordinal)
        && (ArgumentRoles.IsFileContentKey(s.Key) // a file being written (file_text, file_content): content, like the content keys SQL rules exclude
            || ArgumentRoles.IsCommandKey(s.Key) && ShellDataPositions.Mask(text) is var masked && !ReferenceEquals(masked, text) && !rule.Pattern!.IsMatch(masked)
            || OnlyInLiterals(rule, s, text));

    /// <summary>
    /// True when a persistence signature (a cron line, a command that disables logging) matched text that only goes into documentation pages:
    /// an <c>echo</c>/<c>printf</c>/here-document redirected into <c>.md</c>/<c>.rst</c>/<c>.adoc</c> files, or the content of a write tool whose
    /// every path argument is such a page. Nothing schedules or runs a Markdown file (<see cref="ShellDataPositions"/>' sibling, <see cref="DocumentationWrites"/>).
    /// </summary>
    private static bool WrittenIntoDocumentation(ArgumentString s, IReadOnlyList<ArgumentString> strings)
    {
        if (ArgumentRoles.IsCommandKey(s.Key))
        {
            return DocumentationWrites.CommandWritesOnlyDocuments(s.Decoded);
        }

        if (!ArgumentRoles.IsContentKey(s.Key))
        {
            return false;
        }

        var documents = 0;
        foreach (var other in strings)
        {
            if (!ReferenceEquals(other, s) && ArgumentRoles.IsPathKey(other.Key))
            {
                if (!DocumentationWrites.IsDocument(other.Decoded))
                {
                    return false;
                }

                documents++;
            }
        }

        return documents > 0;
    }

    /// <summary>The credential-hunting search rules (a grep for key material, a file search for key names): quiet when the search is confined to test data.</summary>
    private static readonly HashSet<string> CredentialSearchRules = new(StringComparer.Ordinal) { "CMD-023", "FS-017" };

    /// <summary>
    /// True when a SQL signature matched a whole statement (a <c>sql</c>/<c>query</c> field) only inside its closed string literals
    /// (<c>INSERT … VALUES ('customer typed ''; DROP TABLE x; --')</c>): a value the database stores, not a statement it runs.
    /// Scalar parameters are never masked: there the quote is the way out of the application's literal.
    /// </summary>
    private static bool OnlyInLiterals(Rule rule, ArgumentString s, string text) =>
        Sql.SqlInspector.IsSqlKey(s.Key) && !ArgumentRoles.IsCommandKey(s.Key)
        && Sql.SqlLiteralMask.Mask(text) is var masked && !ReferenceEquals(masked, text) && !rule.Pattern!.IsMatch(masked);

    /// <summary>
    /// True when the rule reads <paramref name="s"/>: a key it names, or, in a tool that runs what it is given, any candidate command for a
    /// command rule (<c>terminal {"text": "docker run --privileged …"}</c> is judged like <c>{"command": …}</c>).
    /// </summary>
    private static bool ReadsString(Rule rule, ArgumentString s, ref bool? execTool, string? tool)
    {
        if (rule.KeyApplies(s.Key))
        {
            return true;
        }

        if (!rule.KeyApplies("command"))
        {
            return false;
        }

        execTool ??= ArgumentRoles.IsExecTool(tool);
        return execTool.Value && ArgumentRoles.IsCandidateCommand(s.Key, s.Decoded, tool);
    }

    /// <summary>True when the rule's pattern matches any string under a key the rule looks at (no prefilter: the reference the prefilter is tested against).</summary>
    public static bool Matches(Rule rule, IReadOnlyList<ArgumentString> strings, string? tool = null)
    {
        bool? execTool = null;
        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            var text = rule.MatchDecoded ? s.Decoded : s.Canonical;
            if (ReadsString(rule, s, ref execTool, tool) && rule.Pattern!.IsMatch(text) && !OnlyInData(rule, s, text, strings))
            {
                return true;
            }
        }

        return false;
    }
}
