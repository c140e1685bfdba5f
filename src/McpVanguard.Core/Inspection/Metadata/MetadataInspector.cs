using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// Inspects what a server says about itself — <c>initialize</c> instructions and serverInfo, and every tool, prompt,
/// resource and resource template in the list results, schemas included — for instructions aimed at the model. A poisoned
/// tool is quarantined: dropped from the forwarded list and refused when called; poisoned prompts and resources are dropped.
/// </summary>
public sealed class MetadataInspector(ToolDirectory? directory = null) : IInspector
{
    /// <summary>Instructions aimed at the model (override, concealment, reading credentials or the conversation).</summary>
    public const string HiddenInstructionRule = "META-001";

    /// <summary><c>&lt;IMPORTANT&gt;</c>-style tags or HTML comments.</summary>
    public const string HiddenMarkupRule = "META-002";

    /// <summary>Invisible, bidi, Unicode tag characters or terminal escapes.</summary>
    public const string HiddenCharactersRule = "META-003";

    /// <summary>A directive to send data to an address.</summary>
    public const string ExfiltrationRule = "META-004";

    /// <summary>A description instructing how other tools must be used.</summary>
    public const string ShadowingRule = "META-005";

    /// <summary>A tool name imitating another's.</summary>
    public const string LookalikeNameRule = "META-006";

    /// <summary>A parameter that asks for secrets, files or the conversation.</summary>
    public const string SecretParameterRule = "META-007";

    /// <summary>Poisoned <c>initialize</c> instructions or serverInfo.</summary>
    public const string ServerInstructionsRule = "META-008";

    /// <summary>A poisoned prompt, resource or resource template.</summary>
    public const string ListItemRule = "META-009";

    /// <summary>A credential or conversation parameter on a tool that has no business with it.</summary>
    public const string SideChannelRule = "META-010";

    /// <summary>One instruction split across the descriptions of several tools of one list.</summary>
    public const string SplitInstructionRule = "META-011";

    /// <summary>Another server offers a tool of the same name.</summary>
    public const string CollisionRule = "COLL-001";

    /// <summary>Longest metadata string analysed; descriptions are short, a megabyte one is itself a red flag.</summary>
    internal const int MaxAnalysedChars = 64 * 1024;

    /// <summary>
    /// What even a chat, memory or LLM tool has no use for: the system prompt, the environment, credential files. Its
    /// metadata moving the conversation is its job; moving these is not.
    /// </summary>
    private static readonly LinearPattern BeyondConversation = new(
        @"\b(?:your|its|my|current|hidden|original|complete|full|entire|whole|(?:the\s+)?(?:assistant|agent|model)[’']?s)\s+(?:\w+\s+)?system\s+prompt|\benv\b|environment\s+variables|printenv|\.ssh|id_rsa|\.aws|credentials|~/|\.env\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Distinct tool definitions whose checks are kept (a few hundred bytes each): many servers' lists, bounded.</summary>
    public const int CachedDefinitions = 4096;

    private readonly ContentHashCache<(string Rule, string Reason)[]> _toolChecks = new(CachedDefinitions);
    private readonly ContentHashCache<(string Rule, string Reason)[]> _itemChecks = new(CachedDefinitions);
    /// <summary>Which tools of a list were pieces of a split instruction, by the hash of the list's definitions in order.</summary>
    private readonly ContentHashCache<int[]> _splitVerdicts = new(256);

    /// <summary>Distinct metadata texts whose analysis is kept, shared by the tools of a list and by the lists that follow.</summary>
    public const int KeptTexts = 8192;

    private readonly MetadataTextAnalysis _texts = new(KeptTexts);

    public string Id => "META-000";

    /// <summary>Tool definitions whose checks are kept now (for tests: a repeated definition is not analysed again).</summary>
    internal int CachedToolDefinitions => _toolChecks.Count;

    /// <summary>Metadata texts whose analysis is kept now (for tests: a text shared by several tools is analysed once).</summary>
    internal int CachedTexts => _texts.Count;

    /// <summary>
    /// For callers without a relay (<c>vanguard scan</c>): the findings about one server response, given the method of the
    /// request it answers (<c>initialize</c>, <c>tools/list</c>, <c>prompts/list</c>, <c>resources/list</c>,
    /// <c>resources/templates/list</c>). A poisoned tool's findings carry its name in <see cref="Finding.QuarantineTool"/>
    /// and its list position in <see cref="Finding.Edit"/>. Throws <see cref="ArgumentException"/> for a malformed response.
    /// </summary>
    public static IReadOnlyList<Finding> Scan(string requestMethod, ReadOnlyMemory<byte> response, Profile profile = Profile.Balanced, string serverId = "scan")
    {
        var limits = new PreflightLimits();
        if (!McpMessageParser.TryParse(response, limits.MaxDepth, out var message, out var violation))
        {
            throw new ArgumentException("Not a JSON-RPC message: " + violation!.Reason, nameof(response));
        }

        using (message)
        {
            if (!message!.IsResponse || !message.Root.TryGetProperty("result", out var result))
            {
                return [];
            }

            if (!PayloadWalker.TryWalk(result, "/result", limits, out var payload, out var reason))
            {
                throw new ArgumentException(reason, nameof(response));
            }

            var findings = new List<Finding>();
            new MetadataInspector().Inspect(new InspectionContext
            {
                Message = message,
                Direction = Direction.ServerToAgent,
                SessionId = "scan",
                ServerId = serverId,
                Profile = profile,
                Strings = ArgumentStrings.Empty,
                Payload = payload,
                RequestMethod = requestMethod,
            }, findings);
            return findings;
        }
    }

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.ServerToAgent || !context.Message.IsResponse
            || !context.Message.Root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (context.RequestMethod)
        {
            case "initialize":
            case "server/discover":
                // server/discover (the 2026-07-28 revision) answers with the same instructions and server identity.
                InspectInitialize(context, result, findings);
                break;
            case "tools/list":
                InspectItems(context, result, "tools", findings, tools: true);
                break;
            case "prompts/list":
                InspectItems(context, result, "prompts", findings, tools: false);
                break;
            case "resources/list":
                InspectItems(context, result, "resources", findings, tools: false);
                break;
            case "resources/templates/list":
                InspectItems(context, result, "resourceTemplates", findings, tools: false);
                break;
        }
    }

    private void InspectItems(InspectionContext context, JsonElement result, string listName, List<Finding> findings, bool tools)
    {
        if (!result.TryGetProperty(listName, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var names = new List<string>();
        var descriptions = new List<SplitCandidate>();
        using var definitions = tools ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var pointer = "/result/" + listName + "/" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (tools && name is not null)
            {
                names.Add(name);
            }

            // What one item's own checks find depends on its bytes alone: an item analysed before (the same definition in
            // the next tools/list, or in another session's) is looked up by their hash instead of analysed again.
            var cache = tools ? _toolChecks : _itemChecks;
            var key = ContentHash.Of(JsonMarshal.GetRawUtf8Value(item));
            if (!cache.TryGet(key, out var found))
            {
                found = [.. ItemRules(context.Payload.Under(pointer), item, name, tools, _texts)];
                cache.Set(key, found);
            }

            var rules = found;

            if (tools && item.ValueKind == JsonValueKind.Object)
            {
                descriptions.Add(new SplitCandidate(pointer, name, item, rules.Length > 0));

                // The joined descriptions are a function of the definitions in order: the hash of their hashes keys the
                // split-instruction check, so that a list seen before neither reads nor hashes its descriptions again.
                definitions!.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<ContentHash>(in key)));
            }

            if (rules.Length == 0)
            {
                // The usual item: nothing to report, so no edit and no finding query are made for it.
                continue;
            }

            var edit = MessageEdit.Remove(pointer);
            foreach (var (id, reason) in rules.Select(r => (Id: tools ? r.Rule : ListItemRule, r.Reason)).DistinctBy(static r => r.Id))
            {
                var what = tools ? "Tool" : "List item";
                findings.Add(new Finding(id, "L1", "MCP-19", Severity.High, FindingAction.Redact, $"{what} metadata poisoned ({reason}); removed from the list.")
                {
                    Edit = edit,
                    QuarantineTool = tools ? name : null,
                });
            }
        }

        if (tools && descriptions.Count > 1)
        {
            Span<byte> digest = stackalloc byte[32];
            definitions!.GetHashAndReset(digest);
            var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, UInt128>(digest);
            SplitInstructions.Find(descriptions, new ContentHash(halves[0], halves[1]), findings, _splitVerdicts, _texts);
        }

        if (tools && directory is not null && names.Count > 0 && context.ServerId != EnginePrimer.ServerId)
        {
            foreach (var (tool, other) in directory.Register(context.ServerId, names).DistinctBy(static c => c.Tool).Take(16))
            {
                _ = tool;
                findings.Add(new Finding(CollisionRule, "L1", "MCP-19", Severity.Medium, FindingAction.Warn, $"A tool of this server has the same name as a tool of server '{other}' (collision)."));
            }
        }
    }

    /// <summary>The rules one list item's own checks find (its strings, its name, its input schema).</summary>
    private static List<(string Rule, string Reason)> ItemRules(IEnumerable<PayloadString> strings, JsonElement item, string? name, bool tools, MetadataTextAnalysis texts)
    {
        var rules = new List<(string Rule, string Reason)>();
        var conversationTool = tools && item.ValueKind == JsonValueKind.Object && ToolPurpose.HandlesConversation(ToolPurpose.Of(item));
        Analyse(strings, name, rules, conversationTool, texts);
        if (tools && name is not null && ToolNameLookalikes.Check(name) is { } lookalike)
        {
            rules.Add((LookalikeNameRule, lookalike));
        }

        if (tools && item.ValueKind == JsonValueKind.Object && texts.SchemaAsksForSecrets(item, conversationTool))
        {
            rules.Add((SecretParameterRule, "A tool parameter asks for secrets, credential files or the conversation."));
        }

        if (!tools && item.ValueKind == JsonValueKind.Object && PromptArgumentSecrets.Find(item))
        {
            rules.Add((SecretParameterRule, "A prompt argument asks for a credential, which the filled prompt would hand to the model."));
        }

        if (tools && item.ValueKind == JsonValueKind.Object && SideChannelParameters.Find(item) is { } sideChannel)
        {
            rules.Add((SideChannelRule, $"parameter '{Truncate(sideChannel)}' collects a credential or the conversation the tool has no use for"));
        }

        return rules;
    }

    private static void InspectInitialize(InspectionContext context, JsonElement result, List<Finding> findings)
    {
        var rules = new List<(string Rule, string Reason)>();
        if (result.TryGetProperty("instructions", out var instructions) && instructions.ValueKind == JsonValueKind.String)
        {
            Analyse(context.Payload.Items.Where(static s => s.Pointer == "/result/instructions"), null, rules);
            if (rules.Count > 0)
            {
                var reason = $"Server instructions poisoned ({rules[0].Reason}).";
                findings.Add(context.Profile == Profile.Strict
                    ? new Finding(ServerInstructionsRule, "L1", "MCP-19", Severity.High, FindingAction.Block, reason)
                    : new Finding(ServerInstructionsRule, "L1", "MCP-19", Severity.High, FindingAction.Redact, reason + " Stripped.") { Edit = MessageEdit.Remove("/result/instructions") });
            }
        }

        // initialize carries serverInfo in the result; server/discover under _meta/io.modelcontextprotocol~1serverInfo.
        foreach (var s in context.Payload.Under("/result/serverInfo").Concat(context.Payload.Under("/result/_meta/io.modelcontextprotocol~1serverInfo")))
        {
            var own = new List<(string Rule, string Reason)>();
            Analyse([s], null, own);
            if (own.Count > 0)
            {
                findings.Add(new Finding(ServerInstructionsRule, "L1", "MCP-19", Severity.High, FindingAction.Redact, $"serverInfo poisoned ({own[0].Reason}); masked.")
                {
                    Edit = MessageEdit.ReplaceText(s.Pointer, 0, s.Value.Length, "[REDACTED:poisoned-metadata]"),
                });
            }
        }
    }

    /// <summary>
    /// The instruction signals in the strings of one list item (its description, schema and the rest), canonicalised as the
    /// metadata checks see them: the pins withhold a new item that carries any (docs/PINNING.md).
    /// </summary>
    public static InstructionSignals InstructionSignalsOf(IEnumerable<PayloadString> strings, string? selfName, bool exemptConversationTools = true)
    {
        var signals = InstructionSignals.None;
        string? name = null, title = null, description = null;
        var beyondConversation = false;
        foreach (var s in strings)
        {
            var value = s.Value.Length > MaxAnalysedChars ? s.Value[..MaxAnalysedChars] : s.Value;

            // The decoded copy too, as the metadata checks read it: other languages, encoded blobs, markdown targets.
            var canonical = StringCanonicalizer.Canonicalize(s.Key, value);
            signals |= InstructionAnalyzer.Analyze(canonical.Canonical, out _, out _, selfName, canonical.Decoded);
            beyondConversation |= BeyondConversation.IsMatch(value);
            if (s.Segments == 4)
            {
                // The item's own name, title and description (/result/tools/N/description): what its purpose is judged by.
                name ??= s.Key == "name" ? s.Value : null;
                title ??= s.Key == "title" ? s.Value : null;
                description ??= s.Key == "description" ? s.Value : null;
            }
        }

        if (exemptConversationTools && (signals & InstructionSignals.ConversationMove) != 0 && !beyondConversation && ToolPurpose.HandlesConversation(ToolPurpose.Of(name, title, description)))
        {
            // As in Analyse: a chat, memory or LLM tool moving the conversation is doing its job.
            signals &= ~InstructionSignals.ConversationMove;
        }

        return signals;
    }

    /// <summary>Adds a rule per kind of poison found in <paramref name="strings"/> (all the strings of one item).</summary>
    /// <param name="texts">Kept analyses of texts seen before (a list's tools share most schema strings); each text analysed afresh when null.</param>
    private static void Analyse(IEnumerable<PayloadString> strings, string? selfName, List<(string Rule, string Reason)> rules, bool conversationTool = false, MetadataTextAnalysis? texts = null)
    {
        var signals = InstructionSignals.None;
        var hidden = false;
        var beyondConversation = false;
        foreach (var s in strings)
        {
            var value = s.Value.Length > MaxAnalysedChars ? s.Value[..MaxAnalysedChars] : s.Value;
            var found = texts is null ? MetadataTextAnalysis.Analyse(s.Key, value, selfName, out _) : texts.Of(s.Key, value, selfName);
            hidden |= found.Hidden;
            signals |= found.Signals;
            beyondConversation |= conversationTool && BeyondConversation.IsMatch(value);
        }

        if (hidden)
        {
            rules.Add((HiddenCharactersRule, "invisible, bidi, tag characters or terminal escapes"));
        }

        if (conversationTool && !beyondConversation)
        {
            // A chat, memory or LLM tool says "the conversation history to include in the request": that is its job.
            signals &= ~InstructionSignals.ConversationMove;
        }

        AddRules(signals, rules);
    }

    /// <summary>Adds a rule per kind of poison in <paramref name="signals"/>.</summary>
    private static void AddRules(InstructionSignals signals, List<(string Rule, string Reason)> rules)
    {
        if (!InstructionAnalyzer.PoisonsMetadata(signals))
        {
            return;
        }

        if ((signals & InstructionSignals.HiddenMarkup) != 0)
        {
            rules.Add((HiddenMarkupRule, "instruction tags or HTML comment"));
        }

        if ((signals & InstructionSignals.Shadowing) != 0)
        {
            rules.Add((ShadowingRule, "instructs how other tools must be used"));
        }

        if ((signals & (InstructionSignals.Exfiltration | InstructionSignals.MarkdownExfiltration | InstructionSignals.ConversationMove)) != 0)
        {
            rules.Add((ExfiltrationRule, "directs data to an address or into the next request"));
        }

        if ((signals & InstructionSignals.Preference) != 0)
        {
            rules.Add((ShadowingRule, "steers the model away from other tools"));
        }

        const InstructionSignals reported = InstructionSignals.HiddenMarkup | InstructionSignals.Shadowing | InstructionSignals.Exfiltration | InstructionSignals.Discussion
            | InstructionSignals.MarkdownExfiltration | InstructionSignals.ConversationMove | InstructionSignals.Preference;
        if ((signals & ~reported) != 0 || rules.Count == 0)
        {
            rules.Add((HiddenInstructionRule, "instructions aimed at the model"));
        }
    }


    private static string Truncate(string name) => name.Length > 64 ? name[..64] : name;

}
