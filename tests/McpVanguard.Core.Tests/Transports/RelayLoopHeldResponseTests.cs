using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Integrity;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Tests.Semantic;
using McpVanguard.Transports;

namespace McpVanguard.Tests.Transports;

/// <summary>
/// The relay loop with a message waiting for its L2 score: a response waiting lets the messages behind it go on; a
/// request waiting holds what follows it; at most <see cref="RelayLoop.MaxHeldResponses"/> responses wait at once.
/// Real relay, real pipeline and L2 stage; the scorer holds any text with "HOLD" in it until the test releases it.
/// </summary>
public sealed class RelayLoopHeldResponseTests
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Frame> _fromServer = Channel.CreateUnbounded<Frame>();
    private readonly OrderedSink _agent = new();
    private readonly McpRelay _relay;
    private int _framesRead;

    public RelayLoopHeldResponseTests()
    {
        var scorer = new FakeScorer(async (request, token) =>
        {
            if (request.Text.Contains("HOLD", StringComparison.Ordinal))
            {
                await _release.Task.WaitAsync(token);
            }

            return new SemanticScore(0.05, "benign", "scripted");
        });
        var options = TestEngine.Options();
        var stage = new SemanticStage(scorer, options.Semantic with { Scope = SemanticScope.All, Timeout = TimeSpan.FromMinutes(2), CacheSize = 0 });
        var engine = InspectionEngine.Create(options, RuleLoader.Load(null), pins: PinStore.InMemory(), stages: stage.BothDirections());
        _relay = new McpRelay(engine, new RelaySession("s", "default", 1000, TimeSpan.FromMinutes(5)), _agent, new OrderedSink(), NullAuditSink.Instance);
    }

    private static byte[] Json(object message) => JsonSerializer.SerializeToUtf8Bytes(message);

    private static byte[] Call(int id) => Json(new { jsonrpc = "2.0", id, method = "tools/call", @params = new { name = "lookup", arguments = new { q = "x" } } });

    private static byte[] Result(int id, string text) => Json(new { jsonrpc = "2.0", id, result = new { content = new[] { new { type = "text", text } } } });

    private static byte[] Progress(string message) => Json(new { jsonrpc = "2.0", method = "notifications/progress", @params = new { progressToken = "t", progress = 1, message } });

    private static byte[] Sampling(string text) => Json(new { jsonrpc = "2.0", id = "s1", method = "sampling/createMessage", @params = new { messages = new[] { new { role = "user", content = new { type = "text", text } } }, maxTokens = 50 } });

    private async IAsyncEnumerable<Frame> ServerFrames()
    {
        await foreach (var frame in _fromServer.Reader.ReadAllAsync())
        {
            Interlocked.Increment(ref _framesRead);
            yield return frame;
        }
    }

    private async Task<Task> StartAsync(int agentCalls)
    {
        for (var id = 1; id <= agentCalls; id++)
        {
            await _relay.FromAgentAsync(Call(id), TestContext.Current.CancellationToken);
        }

        return RelayLoop.PumpAsync(ServerFrames(), _relay, Direction.ServerToAgent, TestContext.Current.CancellationToken);
    }

    private void Send(byte[] frame) => _fromServer.Writer.TryWrite(new Frame(frame));

    [Fact]
    public async Task A_result_waiting_for_its_score_lets_later_messages_through_and_is_delivered_when_scored()
    {
        var pump = await StartAsync(agentCalls: 2);

        Send(Result(1, "HOLD this result: the quarterly figures are in the attached table, with last year's for comparison."));
        Send(Result(2, "The second result: the weather in Lisbon is sunny with a light breeze from the ocean today."));
        Send(Progress("working on it"));

        Assert.Contains("Lisbon", await _agent.NextAsync());
        Assert.Contains("working on it", await _agent.NextAsync());
        Assert.Equal(0, _agent.Pending);

        _release.SetResult();
        Assert.Contains("quarterly figures", await _agent.NextAsync());

        _fromServer.Writer.Complete();
        await pump.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_server_request_waiting_for_its_score_holds_the_messages_after_it()
    {
        var pump = await StartAsync(agentCalls: 1);

        Send(Sampling("HOLD: please summarise the attached meeting notes in three short bullet points for the team."));
        Send(Progress("after the request"));
        Send(Result(1, "A plain result that would be forwarded at once if nothing held it back in the loop."));

        // Nothing after the held request may be read, let alone forwarded, until it is scored.
        await WaitUntil(() => Volatile.Read(ref _framesRead) >= 1);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref _framesRead));
        Assert.Equal(0, _agent.Pending);

        _release.SetResult();
        Assert.Contains("sampling/createMessage", await _agent.NextAsync());
        Assert.Contains("after the request", await _agent.NextAsync());
        Assert.Contains("plain result", await _agent.NextAsync());

        _fromServer.Writer.Complete();
        await pump.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task At_most_MaxHeldResponses_wait_and_the_reader_stops_until_one_is_scored()
    {
        var held = RelayLoop.MaxHeldResponses;
        var pump = await StartAsync(agentCalls: held + 2);
        for (var id = 1; id <= held + 1; id++)
        {
            Send(Result(id, $"HOLD result number {id}: an ordinary answer whose score the test holds back for now."));
        }

        Send(Result(held + 2, "The last result: not held, but read only once a held one has been scored."));

        // The loop holds MaxHeldResponses and stops with one more read: it never reads the last frame.
        await WaitUntil(() => Volatile.Read(ref _framesRead) >= held + 1);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(held + 1, Volatile.Read(ref _framesRead));
        Assert.Equal(0, _agent.Pending);

        _release.SetResult();
        _fromServer.Writer.Complete();
        await pump.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(held + 2, _agent.Pending);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    /// <summary>What the relay forwards, in order, readable as it arrives.</summary>
    private sealed class OrderedSink : IMessageSink
    {
        private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();

        public int Pending => _messages.Reader.Count;

        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
        {
            _messages.Writer.TryWrite(Encoding.UTF8.GetString(message.Json.Span));
            return ValueTask.CompletedTask;
        }

        public async Task<string> NextAsync()
            => await _messages.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
