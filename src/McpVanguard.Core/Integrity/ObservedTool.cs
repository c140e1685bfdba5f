namespace McpVanguard.Integrity;

/// <summary>One tool as a <c>tools/list</c> result offered it: its position in the list and its canonical definition.</summary>
public sealed record ObservedTool(string Name, int Index, byte[] CanonicalJson)
{
    public string Sha256 { get; } = ToolFingerprint.Sha256(CanonicalJson);
}
