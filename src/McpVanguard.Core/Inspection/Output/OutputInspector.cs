using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Output;

/// <summary>
/// Inspects tool results, resource contents and prompt messages for text aimed at the model. A strong injection (two
/// independent signals, or a bare "ignore previous instructions") is masked in place (OUT-001, blocked under strict); a
/// single signal, or text that discusses attacks, is only a warning (OUT-002). Terminal escape sequences are stripped (OUT-003).
/// </summary>
public sealed class OutputInspector : IInspector
{
    public const string DetectorRule = "OUT-001";

    public const string SuspiciousRule = "OUT-002";

    public const string TerminalEscapeRule = "OUT-003";

    /// <summary>Characters analysed for instructions per string and per message (regexes are linear; this bounds the constant).</summary>
    public const int MaxCharsPerString = 64 * 1024;

    public const int MaxCharsPerMessage = 256 * 1024;

    /// <summary>How far a masked span grows to the sentence around the instruction.</summary>
    private const int SentenceReach = 200;

    public string Id => "OUT-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (!OutputScope.Applies(context))
        {
            return;
        }

        var budget = MaxCharsPerMessage;
        var warned = false;
        foreach (var s in context.Payload.Items)
        {
            if (s.Key == "blob" && budget > 0 && EmbeddedText.Decode(s.Value) is { } blobText)
            {
                budget -= blobText.Length;
                InspectBlob(context, s, blobText, findings, ref warned);
                continue;
            }

            if (!OutputScope.IsText(s) || s.Key == "uri" || s.Value.Length < 8)
            {
                continue;
            }

            if (TerminalEscapes.Any(s.Value))
            {
                var spans = TerminalEscapes.Find(s.Value);
                var start = spans[0].Start;
                var end = spans[^1].Start + spans[^1].Length;
                var stripped = new System.Text.StringBuilder(end - start);
                var at = start;
                foreach (var (spanStart, length) in spans)
                {
                    stripped.Append(s.Value, at, spanStart - at);
                    at = spanStart + length;
                }

                findings.Add(new Finding(TerminalEscapeRule, "L1", "MCP-19", Severity.Medium, FindingAction.Redact, "Terminal escape sequences in the server's answer were stripped.")
                {
                    Edit = MessageEdit.ReplaceText(s.Pointer, start, end - start, stripped.ToString()),
                });
            }

            if (budget <= 0)
            {
                continue;
            }

            var take = Math.Min(Math.Min(s.Value.Length, MaxCharsPerString), budget);
            budget -= take;
            var raw = take < s.Value.Length ? s.Value[..take] : s.Value;
            var canonical = StringCanonicalizer.Canonicalize(s.Key, raw);
            var signals = InstructionAnalyzer.Analyze(canonical.Canonical, out var first, out var last, decoded: canonical.Decoded);
            if ((canonical.Flags & EvasionFlags.TagCharacters) != 0)
            {
                // Text hidden in Unicode tag characters is invisible to the user and read by the model: nobody writes prose that way.
                signals |= InstructionSignals.HiddenMarkup | InstructionSignals.ModelAddressed;
                first = 0;
                last = canonical.Canonical.Length;
            }

            var active = signals & ~InstructionAnalyzer.WeakSignals;
            if (active == InstructionSignals.None)
            {
                continue;
            }

            if (!InstructionAnalyzer.IsStrongInjection(signals)
                && !((signals & (InstructionSignals.ModelAddressed | InstructionSignals.Concealment)) != 0 && (signals & InstructionSignals.Discussion) == 0 && OrderedCommands.HasBlockedCommand(raw)))
            {
                if (!warned)
                {
                    warned = true;
                    findings.Add(new Finding(SuspiciousRule, "L1", "MCP-19", Severity.Medium, FindingAction.Warn, "The server's answer contains wording aimed at the model (weak signal)."));
                }

                continue;
            }

            const string reason = "Prompt injection in the server's answer";
            if (context.Profile == Profile.Strict)
            {
                findings.Add(new Finding(DetectorRule, "L1", "MCP-19", Severity.High, FindingAction.Block, reason + "."));
                continue;
            }

            var (editStart, editLength) = canonical.Canonical.Length == raw.Length && canonical.Flags == EvasionFlags.None
                ? Sentence(raw, first, last)
                : (0, s.Value.Length);
            // The mask is derived from where the instruction was found, the location the finding reports.
            var location = new FindingLocation(s.Pointer, editStart, editLength);
            findings.Add(new Finding(DetectorRule, "L1", "MCP-19", Severity.High, FindingAction.Redact, reason + " was masked.")
            {
                Location = location,
                Edit = location.Mask("[REDACTED:prompt-injection]"),
            });
        }
    }

    /// <summary>
    /// A resource blob that is text: analysed as the model will read it once the client decodes it. A strong injection replaces the
    /// whole blob (a span of base64 cannot be masked), blocked under strict.
    /// </summary>
    private static void InspectBlob(InspectionContext context, PayloadString s, string text, List<Finding> findings, ref bool warned)
    {
        var canonical = StringCanonicalizer.Canonicalize("text", text);
        var signals = InstructionAnalyzer.Analyze(canonical.Canonical, out _, out _, decoded: canonical.Decoded);
        if ((signals & ~InstructionAnalyzer.WeakSignals) == InstructionSignals.None)
        {
            return;
        }

        if (!InstructionAnalyzer.IsStrongInjection(signals))
        {
            if (!warned)
            {
                warned = true;
                findings.Add(new Finding(SuspiciousRule, "L1", "MCP-19", Severity.Medium, FindingAction.Warn, "The server's answer contains wording aimed at the model (weak signal)."));
            }

            return;
        }

        const string reason = "Prompt injection in a text resource of the server's answer";
        if (context.Profile == Profile.Strict)
        {
            findings.Add(new Finding(DetectorRule, "L1", "MCP-19", Severity.High, FindingAction.Block, reason + "."));
            return;
        }

        var location = new FindingLocation(s.Pointer, 0, s.Value.Length);
        findings.Add(new Finding(DetectorRule, "L1", "MCP-19", Severity.High, FindingAction.Redact, reason + " was masked.")
        {
            Location = location,
            Edit = MessageEdit.ReplaceText(s.Pointer, 0, s.Value.Length, EmbeddedText.Mask),
        });
    }

    /// <summary>The span from the sentence start before <paramref name="first"/> to the sentence end after <paramref name="last"/>.</summary>
    private static (int Start, int Length) Sentence(string text, int first, int last)
    {
        var start = first;
        var floor = Math.Max(0, first - SentenceReach);
        while (start > floor && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        var end = last;
        var ceiling = Math.Min(text.Length, last + SentenceReach);
        while (end < ceiling && text[end - 1] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        return (start, end - start);
    }
}
