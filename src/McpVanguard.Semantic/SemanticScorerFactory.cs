using System.ClientModel;
using System.ClientModel.Primitives;
using McpVanguard.Configuration;
using McpVanguard.Inspection.Semantic;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace McpVanguard.Semantic;

/// <summary>
/// Builds L2's remote scorers (an OpenAI-compatible endpoint, OpenAI, Ollama) over <see cref="IChatClient"/>. Which one
/// runs is <see cref="SemanticSettings.SelectedProvider"/>: the first configured of custom, openai and ollama, unless
/// <c>semantic.provider</c> names one; the embedded model is built by the CLI composition without this assembly.
/// </summary>
public static class SemanticScorerFactory
{
    public const string DefaultOpenAiModel = "gpt-4o-mini";
    public const string DefaultOllamaModel = "llama3.2";

    /// <summary>The scorer of a remote provider (custom, openai or ollama) as <see cref="SemanticSettings.SelectedProvider"/> names it.</summary>
    /// <param name="openAiEndpoint">The OpenAI API base URL (tests point it at a local server); the public API when null.</param>
    public static ISemanticScorer CreateRemote(SemanticSettings settings, Uri? openAiEndpoint = null)
        => settings.SelectedProvider switch
        {
            "custom" => OpenAiCompatible("custom", new Uri(settings.CustomUrl!), settings.CustomKey, settings.CustomModel ?? settings.Model!),
            "openai" => OpenAiCompatible("openai", openAiEndpoint ?? new Uri("https://api.openai.com/v1"), settings.OpenAiKey, settings.Model ?? DefaultOpenAiModel),
            "ollama" => Ollama(new Uri(settings.OllamaUrl!), settings.Model ?? DefaultOllamaModel),
            var other => throw new ArgumentException($"'{other}' is not a remote semantic provider.", nameof(settings)),
        };

    private static ChatJudgeScorer OpenAiCompatible(string provider, Uri endpoint, string? key, string model)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,

            // One call per message: the stage's deadline, cache and circuit breaker decide what a failure means, and a
            // retry honouring a long Retry-After would hold the message past its deadline anyway.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(HttpClientFor(null)),
        };

        // Local OpenAI-compatible servers (llama.cpp, vLLM) often need no key, but the SDK requires one: send a placeholder.
        var chat = new ChatClient(model, new ApiKeyCredential(key ?? "none"), options);
        return new ChatJudgeScorer(chat.AsIChatClient(), provider, model);
    }

    private static ChatJudgeScorer Ollama(Uri endpoint, string model)
        => new(new OllamaApiClient(HttpClientFor(endpoint), model, OllamaJsonContext.Default), "ollama", model);

    /// <summary>
    /// A client whose HTTP failures become <see cref="SemanticProviderException"/> (<see cref="ProviderStatusHandler"/>);
    /// no client timeout, since the stage's per-message deadline cancels the call.
    /// </summary>
    private static HttpClient HttpClientFor(Uri? baseAddress)
        => new(new ProviderStatusHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
