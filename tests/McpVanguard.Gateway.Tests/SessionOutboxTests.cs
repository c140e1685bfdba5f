using System.Text;
using McpVanguard.Gateway.Sessions;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Gateway.Tests;

/// <summary>Where each message for the client goes: the POST it answers or reports progress on, the GET stream, or the held queue.</summary>
public sealed class SessionOutboxTests
{
    /// <summary>A message as the relay hands it over: parsed once, with the fields the outbox routes by.</summary>
    private static RelayMessage Json(string json)
    {
        using var inbound = InboundMessage.Parse(Encoding.UTF8.GetBytes(json), 64);
        return RelayMessage.Forward(inbound.Message!, inbound.Raw);
    }

    private static PostExchange Request(SessionOutbox outbox, string json)
    {
        using var inbound = InboundMessage.Parse(Encoding.UTF8.GetBytes(json), 64);
        var exchange = new PostExchange(inbound.Id, inbound.Message!.ProgressToken);
        Assert.True(outbox.Begin(exchange, isRequest: true));
        return exchange;
    }

    private static List<OutboundMessage> Drain(PostExchange exchange)
    {
        var messages = new List<OutboundMessage>();
        while (exchange.Reader.TryRead(out var m))
        {
            messages.Add(m);
        }

        return messages;
    }

    [Fact]
    public async Task AResponseEndsThePostWithTheSameIdOnly()
    {
        var outbox = new SessionOutbox(legacySse: false);
        var one = Request(outbox, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        var other = Request(outbox, """{"jsonrpc":"2.0","id":"1","method":"tools/list"}""");

        await outbox.SendAsync(Json("""{"jsonrpc":"2.0","id":1,"result":{}}"""), CancellationToken.None);

        Assert.True(Assert.Single(Drain(one)).Final);
        Assert.Empty(Drain(other));
        Assert.Equal(1, outbox.PendingPosts);
    }

    [Fact]
    public async Task ProgressFollowsItsTokenToThePostThatAskedForIt()
    {
        var outbox = new SessionOutbox(legacySse: false);
        var asking = Request(outbox, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","_meta":{"progressToken":"t"}}}""");
        var quiet = Request(outbox, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"b"}}""");

        await outbox.SendAsync(Json("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1}}"""), CancellationToken.None);

        Assert.False(Assert.Single(Drain(asking)).Final);
        Assert.Empty(Drain(quiet));
    }

    [Fact]
    public async Task AServerRequestGoesToTheOnlyWaitingPost()
    {
        var outbox = new SessionOutbox(legacySse: false);
        var waiting = Request(outbox, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"sample"}}""");

        await outbox.SendAsync(Json("""{"jsonrpc":"2.0","id":"s1","method":"sampling/createMessage","params":{}}"""), CancellationToken.None);

        Assert.False(Assert.Single(Drain(waiting)).Final);
    }

    [Fact]
    public async Task UnrelatedMessagesAreHeldUntilAStreamOpensAndTheQueueIsBounded()
    {
        var outbox = new SessionOutbox(legacySse: false);
        for (var i = 0; i < 100; i++)
        {
            await outbox.SendAsync(Json("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"n\":" + i + "}}"), CancellationToken.None);
        }

        var held = new List<string>();
        while (outbox.Standalone.TryRead(out var m))
        {
            held.Add(Encoding.UTF8.GetString(m.Span));
        }

        // The oldest are dropped: a client that never opens a stream cannot make the gateway hold messages without limit.
        Assert.Equal(64, held.Count);
        Assert.Contains("\"n\":99", held[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAGetStreamAnUnrelatedMessageUsesAPostThatIsAlreadyStreaming()
    {
        var outbox = new SessionOutbox(legacySse: false);
        var first = Request(outbox, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a"}}""");
        var streaming = Request(outbox, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"b"}}""");
        streaming.IsStreaming = true;

        await outbox.SendAsync(Json("""{"jsonrpc":"2.0","method":"notifications/resources/list_changed"}"""), CancellationToken.None);

        Assert.Empty(Drain(first));
        Assert.Single(Drain(streaming));

        Assert.True(outbox.TryOpenStandalone());
        Assert.False(outbox.TryOpenStandalone());
        await outbox.SendAsync(Json("""{"jsonrpc":"2.0","method":"notifications/resources/list_changed"}"""), CancellationToken.None);
        Assert.Empty(Drain(streaming));
        Assert.True(outbox.Standalone.TryRead(out _));
    }

    [Fact]
    public void ADuplicateRequestIdInFlightIsRefused()
    {
        var outbox = new SessionOutbox(legacySse: false);
        Request(outbox, """{"jsonrpc":"2.0","id":5,"method":"tools/list"}""");
        var again = new PostExchange(Json("""{"jsonrpc":"2.0","id":5,"method":"tools/list"}""").Id, null);

        Assert.False(outbox.Begin(again, isRequest: true));
    }

    [Fact]
    public async Task TheRelaysRefusalGoesToThePostThatCarriedTheMessageWhateverItsId()
    {
        var outbox = new SessionOutbox(legacySse: false);
        var waiting = Request(outbox, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a"}}""");
        var carrier = new PostExchange(JsonRpcId.Null, null);

        // A refusal without a usable id (an unreadable body) must neither end the waiting request nor reach the GET stream.
        var refusal = JsonRpcErrorWriter.Write(JsonRpcId.Null, JsonRpcErrorCodes.ParseError, "Parse error");
        await outbox.SendAsync(RelayMessage.Error(refusal, JsonRpcId.Null, carrier), CancellationToken.None);

        var answer = Assert.Single(Drain(carrier));
        Assert.True(answer.Final);
        Assert.True(answer.IsError);
        Assert.Empty(Drain(waiting));
        Assert.False(outbox.Standalone.TryRead(out _));
    }
}
