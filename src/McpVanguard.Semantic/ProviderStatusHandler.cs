using System.Net;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Semantic;

/// <summary>
/// Turns a provider's HTTP failure into a <see cref="SemanticProviderException"/> before any SDK reads the body: the
/// message names only the status (a provider's error text may echo the request or a key), and a 429 or 503 carries its
/// <c>Retry-After</c> to the circuit breaker. The SDKs' own retries are off, so one message costs at most one call.
/// </summary>
internal sealed class ProviderStatusHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SemanticProviderException($"the provider is unreachable ({ex.HttpRequestError})", null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response);
        response.Dispose();
        throw new SemanticProviderException(
            response.StatusCode == HttpStatusCode.TooManyRequests ? $"the provider is rate limiting (HTTP 429{(retryAfter is { } r ? $", retry after {r.TotalSeconds:0} s" : string.Empty)})" : $"the provider answered HTTP {status}",
            retryAfter);
    }

    /// <summary>The pause a 429 or 503 asks for: delta seconds or an HTTP date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        return header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
    }
}
