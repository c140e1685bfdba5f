namespace McpVanguard.Inspection.Preflight;

/// <summary>The canonical strings of one message, built once and shared by every inspector.</summary>
public sealed class ArgumentStrings
{
    public static ArgumentStrings Empty { get; } = new([]);

    public ArgumentStrings(IReadOnlyList<ArgumentString> items) => Items = items;

    public IReadOnlyList<ArgumentString> Items { get; }

    public int Count => Items.Count;
}
