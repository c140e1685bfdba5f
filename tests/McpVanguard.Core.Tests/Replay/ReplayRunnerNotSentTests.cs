using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Replay;

/// <summary>
/// A scripted server answer to a request the relay did not forward could not exist live: replay marks it
/// <c>not-sent</c> and does not judge it, while every answer to a forwarded request is judged as before.
/// </summary>
public sealed class ReplayRunnerNotSentTests : IDisposable
{
    private const string Shadow = """{"from":"agent","message":{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"/etc/shadow"}}}}""";
    private const string Readme = """{"from":"agent","message":{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"README.md"}}}}""";
    private const string Answer = """{"from":"server","message":{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"root:x:0:0"}]}}}""";

    private readonly ReplayRunner _runner = TestEngine.Replay(Profile.Balanced);

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task An_answer_to_a_blocked_request_is_not_sent_and_adds_no_rule()
    {
        var result = await RunAsync(Shadow, Answer);

        Assert.Equal(["block", ReplayRunner.NotSent], result.Steps);
        Assert.DoesNotContain(result.Rules, r => r.StartsWith("RPC-", StringComparison.Ordinal));
        Assert.True(result.Blocked);
    }

    [Fact]
    public async Task An_answer_to_a_forwarded_request_is_judged()
    {
        var result = await RunAsync(Readme, Answer);

        Assert.Equal(2, result.Steps.Count);
        Assert.DoesNotContain(ReplayRunner.NotSent, result.Steps);
    }

    [Fact]
    public async Task A_second_answer_to_the_same_blocked_id_is_judged_as_unsolicited()
    {
        // One request, one answer: after the answer that was never sent, another answer is the server's own doing.
        var result = await RunAsync(Shadow, Answer, Answer);

        Assert.Equal(ReplayRunner.NotSent, result.Steps[1]);
        Assert.NotEqual(ReplayRunner.NotSent, result.Steps[2]);
        Assert.Contains(result.Rules, r => r.StartsWith("RPC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_duplicate_of_an_id_in_flight_leaves_the_first_answer_judged()
    {
        var result = await RunAsync(Readme, Readme, Answer);

        Assert.NotEqual(ReplayRunner.NotSent, result.Steps[2]);
    }

    [Fact]
    public async Task An_answer_is_matched_to_its_request_as_the_relay_matches_ids()
    {
        // "\u0061" and "a" are one string id: the relay would route this answer to the blocked request.
        const string Request = """{"from":"agent","message":{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"read_file","arguments":{"path":"/etc/shadow"}}}}""";
        const string Escaped = """{"from":"server","message":{"jsonrpc":"2.0","id":"\u0061","result":{"content":[]}}}""";
        var result = await RunAsync(Request, Escaped);

        Assert.Equal(["block", ReplayRunner.NotSent], result.Steps);
    }

    [Fact]
    public async Task The_same_id_on_another_server_is_judged()
    {
        const string OtherAnswer = """{"from":"server","server":"other","message":{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"hi"}]}}}""";
        var result = await RunAsync(Shadow, OtherAnswer);

        Assert.NotEqual(ReplayRunner.NotSent, result.Steps[1]);
    }

    private async Task<ReplayResult> RunAsync(params string[] steps)
    {
        var line = $$"""{"id":"case","category":"test","expect":"block","steps":[{{string.Join(",", steps)}}]}""";
        var replayCase = Assert.Single(ReplayReader.Read(new StringReader(line)));
        return await _runner.RunAsync(replayCase, TestContext.Current.CancellationToken);
    }
}
