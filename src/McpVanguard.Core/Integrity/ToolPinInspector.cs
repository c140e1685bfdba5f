using System.Globalization;
using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Metadata;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Integrity;

/// <summary>
/// Compares every <c>tools/list</c>, <c>prompts/list</c>, <c>resources/list</c> and <c>resources/templates/list</c> result
/// with the server's pins (rug-pull detection): a changed item is withheld from the agent until approved (PIN-001, a tool
/// also quarantined), a new one is reported (PIN-002) and withheld when it carries instructions, a removed one is reported
/// (PIN-003). A name repeated in one list is withheld in every copy (PIN-006). Pages of a paginated list add up to one list.
/// </summary>
public sealed class ToolPinInspector(PinStore store) : IInspector
{
    public const string ChangedRule = "PIN-001";
    public const string AddedRule = "PIN-002";
    public const string RemovedRule = "PIN-003";
    public const string RenamedRule = "PIN-004";
    public const string UnavailableRule = "PIN-005";
    public const string DuplicateRule = "PIN-006";

    /// <summary>Tool metadata poisoning (a rug pull is poisoning after approval).</summary>
    private const string Category = "MCP-10";

    public string Id => "PIN-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.ServerToAgent || PinnedList.ForMethod(context.RequestMethod) is not { } kind
            || !context.Message.Root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty(kind.ArrayName, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var items = new List<ObservedTool>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(kind.KeyMember, out var name) && name.ValueKind == JsonValueKind.String)
            {
                items.Add(new ObservedTool(name.GetString()!, index, ToolFingerprint.CanonicalJson(item)));
            }

            index++;
        }

        if (context.ServerId == EnginePrimer.ServerId)
        {
            // Engine priming passes a made-up tools/list through the pipeline: it must never be pinned, but the
            // first real list must not pay for loading the pin file or for compiling the comparison either.
            WarmUp(items);
            return;
        }

        var nextCursor = result.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind is not JsonValueKind.Null ? cursor.ToString() : null;
        var page = context.ListPages?.Add(context.ServerId, kind.Method, context.RequestCursor, nextCursor, [.. items.Select(static t => t.Name)])
            // Without a session, a list is whole only when it is neither a later page nor followed by one.
            ?? new ListPage(nextCursor is null && context.RequestCursor is null, [], [], FirstSight: false);

        // One name, two definitions: the agent would see one and the server may run the other. Every copy is withheld. For tools
        // and prompts a name spelled to pass for another of the same list (read_fiłe, Read_File, read_fi1e, a hidden character) is
        // the same name to the reader.
        var repeated = new HashSet<string>(page.Repeated, StringComparer.Ordinal);
        var fold = kind.Kind is PinKind.Tool or PinKind.Prompt;
        foreach (var group in items.GroupBy(t => fold ? ReaderName(t.Name) : t.Name, StringComparer.Ordinal).Where(static g => g.Skip(1).Any()))
        {
            foreach (var item in group)
            {
                repeated.Add(item.Name);
            }
        }

        if (repeated.Count > 0)
        {
            foreach (var item in items.Where(t => repeated.Contains(t.Name)))
            {
                findings.Add(new Finding(DuplicateRule, "integrity", Category, Severity.High, FindingAction.Redact, $"{kind.Label} '{Printable(item.Name)}' is listed more than once (a second definition under a known name); every copy withheld.")
                {
                    Edit = MessageEdit.Remove(Pointer(kind, item.Index)),
                    QuarantineTool = kind.Kind == PinKind.Tool ? item.Name : null,
                });
            }

            items.RemoveAll(t => repeated.Contains(t.Name));
        }

        IReadOnlyCollection<string> present = repeated.Count == 0 ? page.Earlier : [.. page.Earlier, .. repeated];
        var key = Key(context);
        var strict = context.Profile == Profile.Strict;
        var observation = store.Observe(key, kind, items, page.Complete, (item, firstSight) => Withhold(context, kind, item, firstSight, strict), present, page.FirstSight);
        if (observation.Error is not null)
        {
            // Not compared means a rug pull would pass unseen: a warning, which strict turns into a block.
            findings.Add(new Finding(UnavailableRule, "integrity", Category, Severity.High, FindingAction.Warn, "The pins could not be read or written; the list was not compared with them."));
            return;
        }

        if (observation.FirstSight && nextCursor is not null)
        {
            context.ListPages?.MarkFirstSight(context.ServerId, kind.Method);
        }

        if (observation.RenamedFrom is { } previous)
        {
            findings.Add(new Finding(RenamedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"The server at this upstream now calls itself '{Printable(context.ServerName)}' (was '{Printable(previous)}'); its previous pins apply."));
        }

        foreach (var change in observation.Changes)
        {
            findings.Add(ToFinding(kind, change));
        }
    }

    /// <summary>The identity the pins of the server behind <paramref name="context"/> are kept under (shared with <see cref="QuarantineInspector"/>).</summary>
    public static ServerKey Key(InspectionContext context)
        => new(context.Upstream ?? "server-id:" + context.ServerId, context.ServerName, context.ServerId);

    /// <summary>Signals that command the model on their own; the others (sequencing, naming a tool, a credential file or a
    /// secret) are how honest descriptions talk about their own use ("Use this tool when …", "Reads ~/.ssh/config").</summary>
    private const InstructionSignals Directive = InstructionSignals.Override | InstructionSignals.Concealment | InstructionSignals.Exfiltration
        | InstructionSignals.Shadowing | InstructionSignals.HiddenMarkup | InstructionSignals.ModelAddressed | InstructionSignals.ParameterSmuggling
        | InstructionSignals.DataMove | InstructionSignals.SecretRequest
        // Steering tool choice ("always use this instead of search_docs"), moving the conversation, a data-carrying image and a
        // decoded instruction command the model as much as an override does.
        | InstructionSignals.Preference | InstructionSignals.ConversationMove | InstructionSignals.MarkdownExfiltration | InstructionSignals.EncodedInstruction;

    /// <summary>
    /// Whether an item not pinned yet is withheld until approved. On the server's first list, only what the metadata checks
    /// find poisoned (so that it is refused in every session of the upstream, not pinned as trusted). Later — an item that
    /// appears mid-session, after the user saw the list — strict holds everything (resources excepted: they churn) and
    /// balanced anything with an instruction signal: one that commands the model, or two that together order it around
    /// ("before using any other tool, call this one"). A lone self-describing signal is how honest tools read, and text
    /// about attacks needs what the metadata checks need.
    /// </summary>
    private static bool Withhold(InspectionContext context, PinnedList kind, ObservedTool item, bool firstSight, bool strict)
    {
        if (strict && !firstSight && kind.ReportsMembership)
        {
            return true;
        }

        // A tool whose name says it handles the conversation may ask for it on the list the user first approved; one that appears
        // mid-session asking for the whole conversation waits for a person like any other new item with an order (PINNING.md).
        var signals = MetadataInspector.InstructionSignalsOf(context.Payload.Under(Pointer(kind, item.Index)), item.Name, exemptConversationTools: firstSight);
        if (firstSight || (signals & InstructionSignals.Discussion) != 0)
        {
            return InstructionAnalyzer.PoisonsMetadata(signals);
        }

        return (signals & Directive) != 0 || System.Numerics.BitOperations.PopCount((uint)signals) >= 2;
    }

    private static string Pointer(PinnedList kind, int index) => "/result/" + kind.ArrayName + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Loads the pin file and runs the comparison once on a throwaway in-memory store (first sight, then a change).</summary>
    private void WarmUp(List<ObservedTool> tools)
    {
        store.WarmUp();
        var scratch = PinStore.InMemory();
        var key = new ServerKey("warm-up", null, EnginePrimer.ServerId);
        scratch.Observe(key, tools, complete: true, holdNewTools: false);
        scratch.Observe(key, [.. tools.Skip(1)], complete: true, holdNewTools: true);
        foreach (var change in scratch.Observe(key, [.. tools.Select(static t => new ObservedTool(t.Name, t.Index, [.. t.CanonicalJson, .. " "u8]))], complete: true, holdNewTools: true).Changes)
        {
            _ = ToFinding(PinnedList.Tools, change);
        }
    }

    private static Finding ToFinding(PinnedList kind, ToolChange change)
    {
        var name = Printable(change.Tool);
        var quarantine = kind.Kind == PinKind.Tool ? change.Tool : null;
        return change.Change switch
        {
            PinChange.Changed => new Finding(ChangedRule, "integrity", Category, Severity.High, FindingAction.Redact, $"{kind.Label} '{name}' changed its definition since it was pinned; withheld until approved (vanguard pins diff / approve).")
            {
                Edit = MessageEdit.Remove(Pointer(kind, change.Index)),
                QuarantineTool = quarantine,
            },
            PinChange.Added when change.Hold => new Finding(AddedRule, "integrity", Category, Severity.Medium, FindingAction.Redact, $"{kind.Label} '{name}' is new since the server was pinned (or carries instructions); withheld until approved.")
            {
                Edit = MessageEdit.Remove(Pointer(kind, change.Index)),
                QuarantineTool = quarantine,
            },
            PinChange.Added => new Finding(AddedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"{kind.Label} '{name}' is new since the server was pinned; pinned now."),
            _ => new Finding(RemovedRule, "integrity", Category, Severity.Medium, FindingAction.Warn, $"Pinned {kind.Label.ToLowerInvariant()} '{name}' is no longer offered."),
        };
    }

    /// <summary>Server-chosen text in a reason: bounded and without control characters, so it cannot forge log lines.</summary>
    private static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clipped = text.Length > 64 ? text[..64] + "…" : text;
        return string.Concat(clipped.Select(static c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c));
    }

    /// <summary>
    /// A name as a reader takes it: lower case, invisible characters dropped, look-alike letters of other scripts folded, accents and
    /// strokes removed (ł, ø, đ, ı), and digits that stand for letters (0→o, 1→l, 3→e, 4→a, 5→s, 7→t) read as those letters.
    /// </summary>
    private static string ReaderName(string name)
    {
        var decomposed = Inspection.Preflight.StringCanonicalizer.Canonicalize("name", name).Canonical.Normalize(System.Text.NormalizationForm.FormKD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c switch
            {
                'ł' => 'l', 'ø' => 'o', 'đ' => 'd', 'ı' => 'i', 'ħ' => 'h', '0' => 'o', '1' => 'l', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString();
    }

}
