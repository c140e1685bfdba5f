using McpVanguard.Fuzz;
using SharpFuzz;

// McpVanguard.Fuzz TARGET              the AFL++ persistent loop (scripts/fuzz.sh runs it under afl-fuzz)
// McpVanguard.Fuzz TARGET --libfuzzer  the libFuzzer loop (for libfuzzer-dotnet)
// McpVanguard.Fuzz replay TARGET PATH… runs files or folders of inputs once each, uninstrumented (triage, minimisation)
// McpVanguard.Fuzz serve-http          the http target's gateway, for triage with curl
if (args is ["replay", var replayTarget, .. var paths] && paths.Length > 0)
{
    return Replay(FuzzTargets.Create(replayTarget), paths);
}

if (args is ["serve-http"])
{
    // Triage: the http target's gateway, up until Enter, for curl.
    var http = new McpVanguard.Fuzz.Targets.HttpTarget();
    Console.WriteLine($"{http.BaseUrl} live session {http.LiveSession}");
    Console.ReadLine();
    return 0;
}

if (args is not [var name, ..] || !FuzzTargets.Names.Contains(name))
{
    Console.Error.WriteLine($"usage: McpVanguard.Fuzz TARGET [--libfuzzer] | replay TARGET PATH...   (targets: {string.Join(", ", FuzzTargets.Names)})");
    return 2;
}

// Built on the first input, inside the loop: instrumented code may run only once the loop has mapped AFL's coverage map
// (before that it writes through a null map). Engines and the gateway cost seconds once, then nothing per input.
IFuzzTarget? target = null;
if (args.Contains("--libfuzzer"))
{
    Fuzzer.LibFuzzer.Run(span => (target ??= FuzzTargets.Create(name)).Run(span));
}
else
{
    Fuzzer.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        (target ??= FuzzTargets.Create(name)).Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    });
}

return 0;

static int Replay(IFuzzTarget target, string[] paths)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal).ToList();
    var failed = 0;
    foreach (var file in files)
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
        }
        catch (Exception ex)
        {
            failed++;
            // The innermost frames name the bug's place: enough for triage, short enough to read per input.
            var frames = string.Join(" <- ", (ex.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries).Take(4));
            Console.WriteLine($"FAIL {file}: {ex.GetType().Name}: {ex.Message}\n     {frames}");
        }
    }

    Console.WriteLine($"{target.Name}: {files.Count} inputs, {failed} failed");
    return failed == 0 ? 0 : 1;
}
