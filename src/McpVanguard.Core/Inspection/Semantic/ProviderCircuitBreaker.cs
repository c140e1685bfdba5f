namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// Stops calling a provider that keeps failing: after <see cref="FailureThreshold"/> failures in a row (or one 429 with
/// <c>Retry-After</c>) the circuit opens, and messages meet the failure policy at once instead of each waiting out the
/// deadline. After the pause one trial call is let through (half-open); its success closes the circuit.
/// </summary>
internal sealed class ProviderCircuitBreaker(TimeProvider time)
{
    /// <summary>Failures in a row that open the circuit: one or two are a blip, five is an outage.</summary>
    public const int FailureThreshold = 5;

    /// <summary>How long the circuit stays open when the provider gave no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause a provider's <c>Retry-After</c> may impose (a hostile or broken value must not disable L2 for days).</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _trialInFlight;

    /// <summary>Whether a call may go out now: the circuit is closed, or it is the one trial after a pause.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_failures < FailureThreshold && _openUntil == DateTimeOffset.MinValue)
            {
                return true;
            }

            if (time.GetUtcNow() < _openUntil || _trialInFlight)
            {
                return false;
            }

            _trialInFlight = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _failures = 0;
            _openUntil = DateTimeOffset.MinValue;
            _trialInFlight = false;
        }
    }

    /// <param name="retryAfter">The provider's <c>Retry-After</c>, which opens the circuit at once for that long.</param>
    public void Failed(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            _failures++;
            _trialInFlight = false;
            if (retryAfter is { } pause)
            {
                _openUntil = time.GetUtcNow() + (pause > MaxRetryAfter ? MaxRetryAfter : pause < TimeSpan.Zero ? TimeSpan.Zero : pause);
            }
            else if (_failures >= FailureThreshold)
            {
                _openUntil = time.GetUtcNow() + OpenFor;
            }
        }
    }
}
