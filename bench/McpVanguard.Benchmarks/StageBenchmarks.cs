using BenchmarkDotNet.Attributes;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Benchmarks;

/// <summary>The relay's stages on their own: parse only, canonicalise only (walk + canonical copies), inspectors only.</summary>
[MemoryDiagnoser]
[VanguardJob]
[MedianColumn]
public class StageBenchmarks
{
    private InspectionEngine _engine = null!;
    private McpMessage _readFile = null!;
    private McpMessage _runCommand = null!;
    private McpMessage _writeFile = null!;
    private InspectionContext _runCommandContext = null!;
    private InspectionContext _writeFileContext = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchEngine.Create(Profile.Balanced);
        _readFile = ParseOrThrow(Messages.ReadFile);
        _runCommand = ParseOrThrow(Messages.RunCommand);
        _writeFile = ParseOrThrow(Messages.WriteFile100K);
        _runCommandContext = Context(_runCommand);
        _writeFileContext = Context(_writeFile);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _readFile.Dispose();
        _runCommand.Dispose();
        _writeFile.Dispose();
    }

    [Benchmark(Description = "parse: read_file")]
    public bool Parse_ReadFile() => Parse(Messages.ReadFile);

    [Benchmark(Description = "parse: write_file 100 KB")]
    public bool Parse_WriteFile100K() => Parse(Messages.WriteFile100K);

    [Benchmark(Description = "canonicalise: read_file")]
    public ArgumentStrings Canonicalize_ReadFile() => Walk(_readFile);

    [Benchmark(Description = "canonicalise: run_command")]
    public ArgumentStrings Canonicalize_RunCommand() => Walk(_runCommand);

    [Benchmark(Description = "canonicalise: write_file 100 KB")]
    public ArgumentStrings Canonicalize_WriteFile100K() => Walk(_writeFile);

    [Benchmark(Description = "canonicalise: one %252e + fullwidth path")]
    public ArgumentString Canonicalize_EncodedPath() => StringCanonicalizer.Canonicalize("path", Messages.EncodedPath);

    [Benchmark(Description = "inspect: run_command (pipeline only)")]
    public Verdict Inspect_RunCommand() => _engine.AgentToServer.Inspect(_runCommandContext);

    [Benchmark(Description = "inspect: write_file 100 KB (pipeline only)")]
    public Verdict Inspect_WriteFile100K() => _engine.AgentToServer.Inspect(_writeFileContext);

    private bool Parse(byte[] frame)
    {
        if (!McpMessageParser.TryParse(frame, _engine.Limits.MaxDepth, out var message, out _))
        {
            return false;
        }

        message!.Dispose();
        return true;
    }

    private ArgumentStrings Walk(McpMessage message)
        => ArgumentWalker.TryWalk(message.Params, _engine.Limits, out var strings, out _) ? strings : ArgumentStrings.Empty;

    private McpMessage ParseOrThrow(byte[] frame)
        => McpMessageParser.TryParse(frame, _engine.Limits.MaxDepth, out var message, out var violation)
            ? message!
            : throw new InvalidOperationException(violation!.Reason);

    private InspectionContext Context(McpMessage message) => new()
    {
        Message = message,
        Direction = Direction.AgentToServer,
        SessionId = "bench",
        ServerId = "default",
        Profile = Profile.Balanced,
        Strings = Walk(message),
    };
}
