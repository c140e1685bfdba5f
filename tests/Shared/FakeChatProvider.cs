using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Tests;

/// <summary>
/// A chat model provider on 127.0.0.1 speaking the real wire formats (OpenAI chat completions at
/// <c>/v1/chat/completions</c>, Ollama at <c>/api/chat</c>), answering what the test scripts: L2's providers are tested
/// against the bytes a real provider sends, including its failures.
/// </summary>
internal sealed class FakeChatProvider : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="answer">What to answer to each request (its path and JSON body).</param>
    public FakeChatProvider(Func<ProviderCall, ProviderReply> answer)
    {
        Answer = answer;
        var port = McpVanguard.Testing.LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A provider whose judge rates everything with <paramref name="score"/>.</summary>
    public static FakeChatProvider Scoring(double score, string category = "injection", string reason = "asks the agent to leak data")
        => new(_ => ProviderReply.Judge(score, category, reason));

    /// <summary>
    /// A judge that rates by content, as a real one does: a request whose text contains <paramref name="attack"/> gets
    /// <paramref name="score"/>, anything else (the server's own metadata, ordinary results) a benign 0.02. A test then
    /// holds whichever other texts the cascade happens to score, and asserts on which texts reached the judge.
    /// </summary>
    public static FakeChatProvider Rating(string attack, double score, string category, string reason)
        => new(call => call.Rates(attack) ? ProviderReply.Judge(score, category, reason) : ProviderReply.Judge(0.02, "benign", "ordinary server text"));

    public Func<ProviderCall, ProviderReply> Answer { get; set; }

    public string BaseUrl { get; }

    /// <summary>The OpenAI-compatible base URL (what <c>VANGUARD_SEMANTIC_CUSTOM_URL</c> takes).</summary>
    public string OpenAiBaseUrl => BaseUrl + "/v1";

    public ConcurrentQueue<ProviderCall> Calls { get; } = new();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var call = new ProviderCall(context.Request.Url!.AbsolutePath, body, context.Request.Headers["Authorization"]);
            Calls.Enqueue(call);
            var reply = Answer(call);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token).ConfigureAwait(false);
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.RawBody ?? WireBody(call, reply));
            context.Response.ContentType = call.Path.EndsWith("/api/chat", StringComparison.Ordinal) && call.Streams ? "application/x-ndjson" : "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (a timeout test) or the server is stopping; nothing to answer.
            context.Response.Abort();
        }
    }

    /// <summary>The provider's own envelope around the model's text (or its refusal).</summary>
    private static string WireBody(ProviderCall call, ProviderReply reply)
    {
        if (reply.Status >= 400)
        {
            return """{"error":{"message":"scripted failure","type":"server_error"}}""";
        }

        if (call.Path.EndsWith("/api/chat", StringComparison.Ordinal))
        {
            var model = JsonNode.Parse(call.Body)?["model"]?.GetValue<string>() ?? "m";
            var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content ?? string.Empty };
            if (!call.Streams)
            {
                return new JsonObject { ["model"] = model, ["created_at"] = "2026-12-07T00:00:00Z", ["message"] = message, ["done"] = true, ["done_reason"] = "stop" }.ToJsonString();
            }

            var first = new JsonObject { ["model"] = model, ["created_at"] = "2026-12-07T00:00:00Z", ["message"] = message, ["done"] = false }.ToJsonString();
            var last = new JsonObject { ["model"] = model, ["created_at"] = "2026-12-07T00:00:00Z", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, ["done"] = true, ["done_reason"] = "stop" }.ToJsonString();
            return first + "\n" + last + "\n";
        }

        var assistant = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content };
        if (reply.Refusal is { } refusal)
        {
            assistant["refusal"] = refusal;
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_800_000_000,
            ["model"] = JsonNode.Parse(call.Body)?["model"]?.GetValue<string>() ?? "m",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = assistant, ["finish_reason"] = "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping.
        }

        _stop.Dispose();
    }
}

/// <summary>One request a provider received.</summary>
internal sealed record ProviderCall(string Path, string Body, string? Authorization)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>Whether the client asked for a streamed answer (Ollama's NDJSON).</summary>
    public bool Streams => Json["stream"]?.GetValueKind() == JsonValueKind.True;

    /// <summary>The text of the message with <paramref name="role"/> (system, user).</summary>
    public string Message(string role) => Json["messages"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();

    /// <summary>Whether the text put before the judge (the user message) contains <paramref name="text"/>.</summary>
    public bool Rates(string text) => Message("user").Contains(text, StringComparison.Ordinal);
}

/// <summary>What the fake provider answers: the model's text, or a status, headers, a delay or a raw body.</summary>
internal sealed record ProviderReply
{
    public int Status { get; init; } = 200;

    public string? Content { get; init; }

    public string? Refusal { get; init; }

    /// <summary>Sent as is instead of the provider's envelope (truncated or malformed JSON).</summary>
    public string? RawBody { get; init; }

    public TimeSpan Delay { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public static ProviderReply Judge(double score, string category = "injection", string reason = "asks the agent to leak data")
        => new() { Content = JsonSerializer.Serialize(new { score, category, reason }) };
}
