using System.Globalization;
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

    /// <summary>Another server offers a tool of the same name.</summary>
    public const string CollisionRule = "COLL-001";

    /// <summary>Longest metadata string analysed; descriptions are short, a megabyte one is itself a red flag.</summary>
    private const int MaxAnalysedChars = 64 * 1024;

    /// <summary>Parameter names that attacks use to collect data "on the side".</summary>
    private static readonly HashSet<string> SideChannelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sidenote", "side_note", "note", "notes", "context", "feedback", "extra", "metadata", "debug", "debug_info", "comment", "comments", "reasoning",
        "remark", "remarks", "details", "info", "annotation", "summary", "data", "additional_context", "additionalcontext", "extra_info", "memo", "hint",
        "thoughts", "analytics", "telemetry", "trace", "session_info", "env", "config",
    };

    /// <summary>A parameter description asking for a credential file, a secret or the conversation.</summary>
    internal static readonly PrefilteredRegex SecretAsk = new(
        @"\bcontents?\s+of\b.{0,60}(?:\.ssh|id_rsa|id_ed25519|\.env\b|credentials|\.aws|\.npmrc|\.netrc|mcp\.json|config)|~/|\.ssh\b|\bid_(?:rsa|ed25519|ecdsa)\b|(?:^|\s)\.env\b|\.aws/"
        + @"|\b(?:api[\s_-]?keys?|access[\s_-]?tokens?|secret[\s_-]?keys?|private[\s_-]?keys?|passwords?|credentials?|bearer\s+tokens?|session\s+tokens?|environment\s+variables)\b"
        + @"|\b(?:full|entire|complete|whole|all)\s+(?:\w+\s+)?(?:conversation|chat|message)s?\s*(?:history|log|transcript)?|\bprevious\s+messages|\bsystem\s+prompt|\bchat\s+history|\bconversation\s+history",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public string Id => "META-000";

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

            var rules = new List<(string Rule, string Reason)>();
            Analyse(context.Payload.Under(pointer), name, rules);
            if (tools && name is not null && ToolNameLookalikes.Check(name) is { } lookalike)
            {
                rules.Add((LookalikeNameRule, lookalike));
            }

            if (tools && item.ValueKind == JsonValueKind.Object && AsksForSecrets(item))
            {
                rules.Add((SecretParameterRule, "A tool parameter asks for secrets, credential files or the conversation."));
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

        if (tools && directory is not null && names.Count > 0 && context.ServerId != EnginePrimer.ServerId)
        {
            foreach (var (tool, other) in directory.Register(context.ServerId, names).DistinctBy(static c => c.Tool).Take(16))
            {
                _ = tool;
                findings.Add(new Finding(CollisionRule, "L1", "MCP-19", Severity.Medium, FindingAction.Warn, $"A tool of this server has the same name as a tool of server '{other}' (collision)."));
            }
        }
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
    public static InstructionSignals InstructionSignalsOf(IEnumerable<PayloadString> strings, string? selfName)
    {
        var signals = InstructionSignals.None;
        foreach (var s in strings)
        {
            var value = s.Value.Length > MaxAnalysedChars ? s.Value[..MaxAnalysedChars] : s.Value;
            signals |= InstructionAnalyzer.Analyze(StringCanonicalizer.Canonicalize(s.Key, value).Canonical, out _, out _, selfName);
        }

        return signals;
    }

    /// <summary>Adds a rule per kind of poison found in <paramref name="strings"/> (all the strings of one item).</summary>
    private static void Analyse(IEnumerable<PayloadString> strings, string? selfName, List<(string Rule, string Reason)> rules)
    {
        var signals = InstructionSignals.None;
        var hidden = false;
        foreach (var s in strings)
        {
            var value = s.Value.Length > MaxAnalysedChars ? s.Value[..MaxAnalysedChars] : s.Value;
            var canonical = StringCanonicalizer.Canonicalize(s.Key, value);
            hidden |= (canonical.Flags & (EvasionFlags.TagCharacters | EvasionFlags.BidiControl | EvasionFlags.ControlCharacter | EvasionFlags.NulByte)) != 0
                || TerminalEscapes.Any(value);
            signals |= InstructionAnalyzer.Analyze(canonical.Canonical, out _, out _, selfName);
        }

        if (hidden)
        {
            rules.Add((HiddenCharactersRule, "invisible, bidi, tag characters or terminal escapes"));
        }

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

        if ((signals & InstructionSignals.Exfiltration) != 0)
        {
            rules.Add((ExfiltrationRule, "directs data to an address"));
        }

        if ((signals & ~(InstructionSignals.HiddenMarkup | InstructionSignals.Shadowing | InstructionSignals.Exfiltration | InstructionSignals.Discussion)) != 0
            || rules.Count == 0)
        {
            rules.Add((HiddenInstructionRule, "instructions aimed at the model"));
        }
    }

    /// <summary>True when a property of the tool's input schema (any depth) is a side channel asking for secrets or the conversation.</summary>
    private static bool AsksForSecrets(JsonElement tool)
    {
        return tool.TryGetProperty("inputSchema", out var schema) && Walk(schema, 0);

        static bool Walk(JsonElement schema, int depth)
        {
            if (depth > 16 || schema.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (SideChannelNames.Contains(property.Name.Replace("-", "_", StringComparison.Ordinal)) && property.Value.ValueKind == JsonValueKind.Object
                        && SecretAsk.IsMatch(Describe(property.Value)))
                    {
                        return true;
                    }

                    if (Walk(property.Value, depth + 1))
                    {
                        return true;
                    }
                }
            }

            return schema.TryGetProperty("items", out var items) && Walk(items, depth + 1);
        }

        static string Describe(JsonElement property)
        {
            var text = new System.Text.StringBuilder();
            foreach (var key in (ReadOnlySpan<string>)["description", "title", "default"])
            {
                if (property.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    text.Append(v.GetString()).Append(' ');
                }
            }

            return text.Length > MaxAnalysedChars ? text.ToString(0, MaxAnalysedChars) : text.ToString();
        }
    }
}
