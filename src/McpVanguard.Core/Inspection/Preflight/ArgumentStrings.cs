namespace McpVanguard.Inspection.Preflight;

/// <summary>The canonical strings of one message, built once and shared by every inspector.</summary>
public sealed class ArgumentStrings
{
    public static ArgumentStrings Empty { get; } = new([], 0);

    public ArgumentStrings(IReadOnlyList<ArgumentString> items, int maxDepth)
    {
        Items = items;
        MaxDepth = maxDepth;
    }

    public IReadOnlyList<ArgumentString> Items { get; }

    /// <summary>The deepest nesting seen inside <c>params</c>.</summary>
    public int MaxDepth { get; }

    public int Count => Items.Count;
}
