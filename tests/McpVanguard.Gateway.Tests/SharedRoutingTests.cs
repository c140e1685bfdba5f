using System.Text;
using McpVanguard.Gateway.Upstreams.Shared;

namespace McpVanguard.Gateway.Tests;

/// <summary>The routing read and the id splice of share mode: the only bytes it changes, and messages it will not route.</summary>
public sealed class SharedRoutingTests
{
    private static string Text(ReadOnlySpan<byte> json, JsonSpan span) => Encoding.UTF8.GetString(span.Of(json));

    [Fact]
    public void ReadsTheIdMethodAndBothSpellingsOfTheProgressToken()
    {
        var request = """{"jsonrpc":"2.0","id":"a\u0031","method":"tools/call","params":{"name":"x","_meta":{"progressToken":7}}}"""u8;
        var fields = RoutingFields.Read(request);
        Assert.True(fields.IsRequest);
        Assert.Equal("\"a\\u0031\"", Text(request, fields.Id));
        Assert.Equal("7", Text(request, fields.ProgressToken));

        var progress = """{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":12,"progress":1}}"""u8;
        var notification = RoutingFields.Read(progress);
        Assert.True(notification.IsNotification);
        Assert.Equal(12, RoutingFields.Number(notification.ProgressToken.Of(progress)));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progressToken":2}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"a","method":"b"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":{}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":""")]
    public void AMessageWithARoutingFieldTwiceOrThatIsNotAnObjectIsNotRouted(string json)
    {
        var fields = RoutingFields.Read(Encoding.UTF8.GetBytes(json));
        Assert.False(fields.IsResponse || fields.IsRequest || fields.IsNotification);
    }

    [Fact]
    public void TheSpliceChangesTheIdAndTokenAndNoOtherByte()
    {
        var json = """{ "jsonrpc" : "2.0", "params": {"_meta": {"progressToken": "p-1"}, "x": "id"}, "method":"tools/call", "id" : "s-9" }"""u8;
        var fields = RoutingFields.Read(json);
        var spliced = JsonSplice.Replace(json, fields.Id, "42"u8, fields.ProgressToken, "42"u8);
        Assert.Equal("""{ "jsonrpc" : "2.0", "params": {"_meta": {"progressToken": 42}, "x": "id"}, "method":"tools/call", "id" : 42 }""", Encoding.UTF8.GetString(spliced));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("-1", -1)]
    [InlineData("1.5", -1)]
    [InlineData("\"12\"", -1)]
    public void OnlyTheGatewaysOwnNumbersAreRemaps(string value, long expected)
        => Assert.Equal(expected, RoutingFields.Number(Encoding.UTF8.GetBytes(value)));
}
