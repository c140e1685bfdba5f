using System.Text;
using System.Text.Json;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Core.Tests.Inspection.Preflight;

/// <summary>
/// A repeated key is refused wherever it is (the envelope, the arguments, a nested object), however its name is spelt:
/// names are compared as raw UTF-8 when neither has an escape, and decoded when one has.
/// </summary>
public sealed class DuplicateKeyTests
{
    [Theory]
    [InlineData("""{"path":"a","path":"b"}""")]
    [InlineData("""{"p\u0061th":"a","path":"b"}""")]
    [InlineData("""{"path":"a","p\u0061th":"b"}""")]
    [InlineData("""{"p\u0061th":"a","pa\u0074h":"b"}""")]
    [InlineData("""{"x":1,"chemin_é":"a","y":2,"chemin_\u00e9":"b"}""")]
    [InlineData("""{"路径":"a","路径":"b"}""")]
    [InlineData("""{"a":1,"b":2,"c":3,"b":4}""")]
    public void A_repeated_key_is_refused_by_the_walker(string arguments)
    {
        Assert.False(Walk(arguments, out var reason));
        Assert.Equal(ArgumentWalker.DuplicateKeyReason, reason);
    }

    [Fact]
    public void A_repeated_key_among_more_than_32_is_refused()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}").Append("\"k\\u0031\":0");
        Assert.False(Walk("{" + string.Join(",", keys) + "}", out var reason));
        Assert.Equal(ArgumentWalker.DuplicateKeyReason, reason);
    }

    [Theory]
    [InlineData("""{"path":"a","paths":"b"}""")]
    [InlineData("""{"path":"a","Path":"b"}""")]
    [InlineData("""{"p\u0061th":"a","p\u0062th":"b"}""")]
    [InlineData("""{"chemin_é":"a","chemin_e":"b"}""")]
    [InlineData("""{"a\\b":"a","a/b":"b"}""")]
    [InlineData("""{"nested":{"path":"a"},"path":"b"}""")]
    public void Distinct_keys_pass(string arguments)
    {
        Assert.True(Walk(arguments, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","method":"tools/list","params":{"name":"x","arguments":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{}},"p\u0061rams":{}}""")]
    public void The_parser_refuses_a_repeated_envelope_key(string frame)
    {
        Assert.False(McpMessageParser.TryParse(Encoding.UTF8.GetBytes(frame), 64, out var message, out var violation));
        Assert.Null(message);
        Assert.Contains("repeats a key", violation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parser_accepts_distinct_envelope_keys()
    {
        const string frame = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"p\u0061th":"a","pathname":"b"}}}""";
        Assert.True(McpMessageParser.TryParse(Encoding.UTF8.GetBytes(frame), 64, out var message, out _));
        message!.Dispose();
    }

    private static bool Walk(string arguments, out string? reason)
    {
        using var document = JsonDocument.Parse("""{"name":"t","arguments":""" + arguments + "}");
        return ArgumentWalker.TryWalk(document.RootElement, new PreflightLimits(), out _, out reason);
    }
}
