namespace McpVanguard.Replay;

/// <summary>A replay file line is not a valid case; <see cref="Line"/> is 1-based.</summary>
public sealed class ReplayFormatException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}
