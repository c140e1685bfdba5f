using System.Text;
using McpVanguard.Gateway.Messages;

namespace McpVanguard.Gateway.Tests;

public sealed class EnvelopeTests
{
    private static Envelope Read(string json) => Envelope.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ARequestCarriesItsIdMethodAndProgressToken()
    {
        var e = Read("""{"jsonrpc":"2.0","id":"7","method":"tools/call","params":{"name":"x","_meta":{"progressToken":42}}}""");
        Assert.Equal(EnvelopeKind.Request, e.Kind);
        Assert.Equal("\"7\"", e.Id.Json);
        Assert.Equal("tools/call", e.Method);
        Assert.Equal("42", e.ProgressToken?.Json);
    }

    [Fact]
    public void AProgressNotificationCarriesItsToken()
    {
        var e = Read("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t-1","progress":1}}""");
        Assert.Equal(EnvelopeKind.Notification, e.Kind);
        Assert.Equal("\"t-1\"", e.ProgressToken?.Json);
    }

    [Fact]
    public void AnotherNotificationsTokenIsNotAProgressToken()
    {
        var e = Read("""{"jsonrpc":"2.0","method":"notifications/message","params":{"progressToken":"t-1"}}""");
        Assert.Null(e.ProgressToken);
    }

    [Fact]
    public void ResponsesAreTellingErrorsApart()
    {
        var ok = Read("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"{\"id\":99}"}]}}""");
        var failed = Read("""{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"no"}}""");
        Assert.Equal(EnvelopeKind.Response, ok.Kind);
        Assert.Equal("1", ok.Id.Json);
        Assert.False(ok.IsError);
        Assert.True(failed.IsError);
    }

    [Fact]
    public void StringAndNumberIdsStayDistinct()
    {
        Assert.NotEqual(Read("""{"id":1,"method":"a"}""").Id, Read("""{"id":"1","method":"a"}""").Id);
        Assert.Equal(Read("""{"id":"1","method":"a"}""").Id, Read("""{"id":"\u0031","method":"a"}""").Id);
    }

    [Theory]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}]", true)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", false)]
    [InlineData("42", false)]
    [InlineData("", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", false)]
    public void MalformedInputIsClassifiedWithoutThrowing(string json, bool batch)
        => Assert.Equal(batch ? EnvelopeKind.Batch : EnvelopeKind.Invalid, Read(json).Kind);

    [Fact]
    public void InitializeIsRecognised() => Assert.True(Read("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}""").IsInitialize);
}
