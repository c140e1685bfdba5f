using McpVanguard.Inspection.Semantic;
using Microsoft.Extensions.AI;

namespace McpVanguard.Semantic;

/// <summary>An LLM provider as an L2 scorer: the judge prompt through an <see cref="IChatClient"/>, its answer read strictly.</summary>
internal sealed class ChatJudgeScorer(IChatClient client, string provider, string model) : ISemanticScorer, IDisposable
{
    /// <summary>Room for the JSON object and its one-line reason; a longer answer is not the one asked for.</summary>
    private const int MaxOutputTokens = 200;

    private readonly ChatOptions _options = new()
    {
        ModelId = model,
        Temperature = 0,
        MaxOutputTokens = MaxOutputTokens,
        ResponseFormat = ChatResponseFormat.Json,
    };

    public string Provider { get; } = provider;

    public string Model { get; } = model;

    public async ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken)
    {
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(JudgePrompt.For(request), _options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (SemanticProviderException)
        {
            throw;
        }
        catch (Exception ex) when (FindProviderError(ex) is { } inner)
        {
            // An SDK may wrap what the HTTP handler threw; the handler's exception is the one that knows the status.
            throw inner;
        }
        catch (Exception ex) when (ex is System.ClientModel.ClientResultException or HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or OllamaSharp.Models.Exceptions.OllamaException)
        {
            // The type only: SDK messages may carry the provider's error text, which can echo the request.
            throw new SemanticProviderException($"the provider call failed ({ex.GetType().Name})", null, ex);
        }

        return JudgeAnswer.Parse(response.Text);
    }

    public void Dispose() => client.Dispose();

    private static SemanticProviderException? FindProviderError(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SemanticProviderException provider)
            {
                return provider;
            }
        }

        return null;
    }
}
