using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// What one metadata string's own analysis finds (hidden characters, instruction signals), kept by the string's content
/// hash so that a text repeated across the tools of a list — the same parameter description, <c>"string"</c>, a shared
/// paragraph — is analysed once per list, not once per tool. The result of a text that names a tool in a shadowing clause
/// depends on the tool it is read for, and is kept under the text and that tool's name together. Bounded.
/// </summary>
internal sealed class MetadataTextAnalysis(int capacity)
{
    /// <summary>Shorter texts than this are analysed each time: their analysis costs less than the hash.</summary>
    private const int ShortestKept = 8;

    private readonly ContentHashCache<(MetadataTextFindings Findings, bool NamesTool)> _byText = new(capacity);
    private readonly ContentHashCache<MetadataTextFindings> _byTextAndTool = new(Math.Max(1, capacity / 4));

    /// <summary>Whether an input schema asks for secrets, by the schema's bytes, for ordinary tools [0] and conversation tools [1].</summary>
    private readonly ContentHashCache<bool>[] _schemaAsks = [new(Math.Max(1, capacity / 8)), new(Math.Max(1, capacity / 8))];

    /// <summary>Texts whose analysis is kept now (for tests).</summary>
    internal int Count => _byText.Count;

    /// <summary>The findings of <paramref name="value"/> read as metadata of the tool <paramref name="selfName"/>.</summary>
    public MetadataTextFindings Of(string key, string value, string? selfName)
    {
        if (value.Length < ShortestKept)
        {
            return Analyse(key, value, selfName, out _);
        }

        var byText = ContentHash.Of(value);
        if (_byText.TryGet(byText, out var kept) && !kept.NamesTool)
        {
            return kept.Findings;
        }

        if (kept.NamesTool)
        {
            var byTool = WithTool(value, selfName);
            if (!_byTextAndTool.TryGet(byTool, out var found))
            {
                found = Analyse(key, value, selfName, out _);
                _byTextAndTool.Set(byTool, found);
            }

            return found;
        }

        var findings = Analyse(key, value, selfName, out var namesTool);
        _byText.Set(byText, (findings, namesTool));
        if (namesTool)
        {
            _byTextAndTool.Set(WithTool(value, selfName), findings);
        }

        return findings;
    }

    /// <summary>
    /// <see cref="SecretAskingParameters.Find"/> of <paramref name="tool"/>, which reads its input schema alone: tools of one
    /// list that share a schema (every tool taking the same <c>path</c>) have it judged once.
    /// </summary>
    public bool SchemaAsksForSecrets(System.Text.Json.JsonElement tool, bool conversationTool)
    {
        if (!tool.TryGetProperty("inputSchema", out var schema))
        {
            return SecretAskingParameters.Find(tool, conversationTool);
        }

        var cache = _schemaAsks[conversationTool ? 1 : 0];
        var key = ContentHash.Of(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(schema));
        if (!cache.TryGet(key, out var asks))
        {
            asks = SecretAskingParameters.Find(tool, conversationTool);
            cache.Set(key, asks);
        }

        return asks;
    }

    /// <summary>The analysis itself: the canonical copies, hidden characters and the instruction analyser.</summary>
    public static MetadataTextFindings Analyse(string key, string value, string? selfName, out bool namesTool)
    {
        var canonical = StringCanonicalizer.Canonicalize(key, value);
        var hidden = (canonical.Flags & (EvasionFlags.TagCharacters | EvasionFlags.BidiControl | EvasionFlags.ControlCharacter | EvasionFlags.NulByte)) != 0
            || TerminalEscapes.Any(value);
        var signals = InstructionAnalyzer.Analyze(canonical.Canonical, canonical.Decoded, selfName, out namesTool);
        return new MetadataTextFindings(hidden, signals);
    }

    /// <summary>The key of a text read for one tool: the name's length first, so that no name and text pair reads as another.</summary>
    private static ContentHash WithTool(string value, string? selfName)
        => ContentHash.Of(string.Concat((selfName?.Length ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture), ":", selfName, value));
}
