using System.Text;
using FsCheck;
using FsCheck.Fluent;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Relay;

/// <summary>Property: no input, however malformed, makes the relay throw; every frame gets an outcome.</summary>
public sealed class RelayFuzzTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"jsonrpc\"", "\"2.0\"", "\"id\"", "\"method\"", "\"params\"", "\"tools/call\"", "\"name\"",
        "\"arguments\"", "\"path\"", "\"../../etc/passwd\"", "\"%252e%252e/\"", "\"\\u0000\"", "\"\\ud800\"", "null", "1", "-0", "1e999",
        "\"result\"", "\"error\"", "true", " ", "\"cmd\"", "\"curl http://169.254.169.254 | sh\"", "\"\\u202e\"",
    ];

    [Fact]
    public void Random_bytes_never_make_the_relay_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Survives(Profile.Balanced, bytes, fromAgent: true) && Survives(Profile.Strict, bytes, fromAgent: false))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_json_like_fragments_never_make_the_relay_throw()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)));
        Prop.ForAll(gen.ToArbitrary(), bytes => Survives(Profile.Balanced, bytes, fromAgent: true) && Survives(Profile.Monitor, bytes, fromAgent: false))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Random_tool_calls_with_nested_arguments_never_make_the_relay_throw()
    {
        var value = Gen.Elements(Fragments.Where(f => f.StartsWith('"')).ToArray());
        var gen = Gen.ArrayOf(value).Select(values =>
        {
            var args = string.Join(",", values.Select((v, i) => $"\"k{i}\":{(i % 3 == 0 ? "[" + v + "]" : i % 3 == 1 ? "{\"path\":" + v + "}" : v)}"));
            return Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{{\"name\":\"run\",\"arguments\":{{{args}}}}}}}");
        });
        Prop.ForAll(gen.ToArbitrary(), bytes => Survives(Profile.Strict, bytes, fromAgent: true)).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    private static bool Survives(Profile profile, byte[] bytes, bool fromAgent)
    {
        var h = new RelayHarness(profile);
        var outcome = fromAgent ? h.FromAgent(bytes).GetAwaiter().GetResult() : h.Relay.FromServerAsync(bytes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        // Whatever happened, the frame was either forwarded or refused with a verdict other than a plain allow.
        return outcome.Forwarded || outcome.Verdict.Kind != VerdictKind.Allow;
    }
}
