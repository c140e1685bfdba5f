namespace McpVanguard.Fuzz;

/// <summary>One fuzz entry point: takes any bytes and throws only when it finds a bug (an undocumented exception or a broken invariant).</summary>
public interface IFuzzTarget
{
    /// <summary>The name <c>scripts/fuzz.sh</c> and the seed folders use.</summary>
    string Name { get; }

    /// <summary>Runs one input through the code under test and checks the target's oracle.</summary>
    void Run(ReadOnlySpan<byte> input);
}
