namespace McpVanguard.Inspection.Preflight;

/// <summary>Turns the evasion signs found during canonicalisation into findings: hiding a payload is itself suspicious.</summary>
public sealed class EvasionInspector : IInspector
{
    public string Id => "PRE-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        var seen = EvasionFlags.None;
        var controlInPath = false;
        var mixedInTarget = false;
        var invisibleInTarget = false;
        const EvasionFlags roleDependent = EvasionFlags.ControlCharacter | EvasionFlags.MixedScript | EvasionFlags.InvisibleCharacters | EvasionFlags.BidiControl;
        foreach (var s in context.Strings.Items)
        {
            seen |= s.Flags;
            if ((s.Flags & roleDependent) == 0)
            {
                continue;
            }

            var role = ArgumentRoles.Classify(s, context.ToolName);
            controlInPath |= (s.Flags & EvasionFlags.ControlCharacter) != 0 && (role & ArgumentRole.Path) != 0;

            // Homoglyphs, zero-width and bidi characters in prose are odd; in a path, command or URL they only serve to
            // dodge matching or to disguise a name (invoice‮fdp.exe).
            mixedInTarget |= (s.Flags & EvasionFlags.MixedScript) != 0 && role != ArgumentRole.None;
            invisibleInTarget |= (s.Flags & (EvasionFlags.InvisibleCharacters | EvasionFlags.BidiControl)) != 0 && role != ArgumentRole.None;
        }

        if (seen == EvasionFlags.None)
        {
            return;
        }

        if ((seen & EvasionFlags.NulByte) != 0)
        {
            findings.Add(new Finding("PRE-012", "L0", "MCP-03", Severity.High, FindingAction.Block, "NUL character in an argument (truncation trick)."));
        }

        if ((seen & EvasionFlags.NonStandardEncoding) != 0)
        {
            findings.Add(new Finding("PRE-011", "L0", "MCP-03", Severity.High, FindingAction.Block, "Overlong UTF-8 or %u encoding in an argument."));
        }

        if (controlInPath)
        {
            findings.Add(new Finding("PRE-013", "L0", "MCP-03", Severity.High, FindingAction.Block, "Control character in a path argument."));
        }

        if ((seen & EvasionFlags.MultipleEncoding) != 0)
        {
            findings.Add(new Finding("PRE-010", "L0", "MCP-03", Severity.High, FindingAction.Warn, "Argument was percent-encoded more than once."));
        }

        if ((seen & EvasionFlags.TagCharacters) != 0)
        {
            findings.Add(new Finding("PRE-017", "L0", "MCP-03", Severity.High, FindingAction.Block, "Text hidden in Unicode tag characters (invisible to people, read by models)."));
        }

        if (invisibleInTarget)
        {
            findings.Add(new Finding("PRE-018", "L0", "MCP-03", Severity.High, FindingAction.Block, "Invisible or bidi-control characters in a path, command or URL."));
        }
        else if ((seen & (EvasionFlags.InvisibleCharacters | EvasionFlags.BidiControl)) != 0)
        {
            findings.Add(new Finding("PRE-014", "L0", "MCP-03", Severity.Medium, FindingAction.Warn, "Invisible, bidi-control or tag characters in an argument."));
        }

        if (mixedInTarget)
        {
            findings.Add(new Finding("PRE-016", "L0", "MCP-03", Severity.High, FindingAction.Block, "A path, command or URL mixes Latin with Cyrillic or Greek letters (homoglyphs)."));
        }
        else if ((seen & EvasionFlags.MixedScript) != 0)
        {
            findings.Add(new Finding("PRE-015", "L0", "MCP-03", Severity.Medium, FindingAction.Warn, "A word mixes Latin with Cyrillic or Greek letters (homoglyphs)."));
        }
    }
}
