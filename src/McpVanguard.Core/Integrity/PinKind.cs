namespace McpVanguard.Integrity;

/// <summary>The kinds of list a server offers the model and vanguard pins: each keyed by its own identifying member.</summary>
public enum PinKind
{
    /// <summary><c>tools/list</c>, by <c>name</c>.</summary>
    Tool,

    /// <summary><c>prompts/list</c>, by <c>name</c>.</summary>
    Prompt,

    /// <summary><c>resources/list</c>, by <c>uri</c>.</summary>
    Resource,

    /// <summary><c>resources/templates/list</c>, by <c>uriTemplate</c>.</summary>
    ResourceTemplate,
}
