using McpVanguard.Gateway.Messages;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests;

/// <summary>The closed set of gateway refusals: every value has one reply, and the documented ones keep their status and code.</summary>
public sealed class RefusalRepliesTests
{
    public static TheoryData<Refusal> All => new(Enum.GetValues<Refusal>());

    [Theory]
    [MemberData(nameof(All))]
    public void EveryRefusalHasAnErrorStatusAndAMessage(Refusal refusal)
    {
        var shape = RefusalReplies.Of(refusal);
        Assert.InRange(shape.Status, 400, 599);
        Assert.False(string.IsNullOrWhiteSpace(RefusalReplies.Message(refusal, "x", "y")));
    }

    [Theory]
    [InlineData(Refusal.BodyTooLarge, 413, JsonRpcErrorCodes.LimitExceeded)]
    [InlineData(Refusal.SessionNotFound, 404, JsonRpcErrorCodes.InvalidRequest)]
    [InlineData(Refusal.SecondInitialize, 400, JsonRpcErrorCodes.InvalidRequest)]
    [InlineData(Refusal.PrincipalSessionLimit, 429, JsonRpcErrorCodes.LimitExceeded)]
    [InlineData(Refusal.GatewaySessionLimit, 503, JsonRpcErrorCodes.LimitExceeded)]
    [InlineData(Refusal.UpstreamUnavailable, 502, JsonRpcErrorCodes.UpstreamUnavailable)]
    [InlineData(Refusal.Unauthenticated, 401, JsonRpcErrorCodes.InvalidRequest)]
    [InlineData(Refusal.RateLimited, 429, JsonRpcErrorCodes.LimitExceeded)]
    public void DocumentedRefusalsKeepTheirStatusAndCode(Refusal refusal, int status, int code)
    {
        var shape = RefusalReplies.Of(refusal);
        Assert.Equal(status, shape.Status);
        Assert.Equal(code, shape.Code);
    }

    [Fact]
    public void DetailsFillTheMessageAndNameTheSetting()
    {
        Assert.Equal("Payload Too Large: the request body exceeds the limit of 1024 bytes (gateway.max_body_bytes).", RefusalReplies.Message(Refusal.BodyTooLarge, 1024));
        Assert.Equal("Bad Request: the Mcp-Session-Id header is required.", RefusalReplies.Message(Refusal.SessionIdRequired, string.Empty));
    }
}
