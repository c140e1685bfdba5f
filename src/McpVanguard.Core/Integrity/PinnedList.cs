namespace McpVanguard.Integrity;

/// <summary>How one kind of pinned list appears on the wire: the method that lists it, the result array and the member naming an item.</summary>
/// <param name="ReportsMembership">Additions and removals are findings (PIN-002/003). Resource lists churn with the data they
/// expose (files come and go), so for them only a changed definition of the same uri is drift.</param>
public sealed record PinnedList(PinKind Kind, string Method, string ArrayName, string KeyMember, string Label, bool ReportsMembership)
{
    public static PinnedList Tools { get; } = new(PinKind.Tool, "tools/list", "tools", "name", "Tool", true);

    public static PinnedList Prompts { get; } = new(PinKind.Prompt, "prompts/list", "prompts", "name", "Prompt", true);

    public static PinnedList Resources { get; } = new(PinKind.Resource, "resources/list", "resources", "uri", "Resource", false);

    public static PinnedList ResourceTemplates { get; } = new(PinKind.ResourceTemplate, "resources/templates/list", "resourceTemplates", "uriTemplate", "Resource template", true);

    public static IReadOnlyList<PinnedList> All { get; } = [Tools, Prompts, Resources, ResourceTemplates];

    /// <summary>The list a request method returns; null for any other method.</summary>
    public static PinnedList? ForMethod(string? method) => method switch
    {
        "tools/list" => Tools,
        "prompts/list" => Prompts,
        "resources/list" => Resources,
        "resources/templates/list" => ResourceTemplates,
        _ => null,
    };

    public static PinnedList For(PinKind kind) => All[(int)kind];
}
