using System.Diagnostics;
using McpVanguard.Configuration;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// L2: scores what L1 left uncertain (<see cref="SemanticSelection"/>) with an <see cref="ISemanticScorer"/> and reports
/// L2-001 when the score reaches <c>semantic.threshold</c>. Scores are cached and shared (<see cref="SemanticScoreCache"/>),
/// each message waits at most <c>semantic.timeout_ms</c>, and a failing provider trips a circuit breaker; a timeout or
/// error is L2-002 under the profile's policy (<see cref="FailureAction"/>). L2 adds findings; it never removes one.
/// A scorer that loads a model first (<see cref="ISemanticScorer.Ready"/>) is waited for separately, at most
/// <c>semantic.load_timeout_ms</c> from the stage's construction: the per-message deadline measures the scorer, never its load.
/// </summary>
public sealed class SemanticStage : IInspectionStage
{
    public const string ScoreRule = "L2-001";
    public const string UnavailableRule = "L2-002";

    /// <summary>Longest scorer reason kept in a finding: one line, and never room for a copy of the scored text.</summary>
    private const int MaxReasonChars = 160;

    private readonly ISemanticScorer _scorer;
    private readonly SemanticSettings _settings;
    private readonly SemanticScoreCache _cache;
    private readonly double _threshold;
    private readonly ProviderCircuitBreaker _breaker;
    private readonly TimeProvider _time;
    private readonly Task _ready;
    private readonly long _loadStarted;

    /// <param name="time">The clock of cache expiry and the breaker (tests pass a fake one).</param>
    public SemanticStage(ISemanticScorer scorer, SemanticSettings settings, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        _scorer = scorer;
        _settings = settings;
        _threshold = settings.Threshold ?? scorer.DefaultThreshold;
        _cache = new SemanticScoreCache(settings.CacheSize, settings.CacheTtl, time);
        _breaker = new ProviderCircuitBreaker(time);
        _time = time;

        // Reading Ready starts an in-process model's load (if nothing has yet): the load wait counts from here.
        _loadStarted = time.GetTimestamp();
        _ready = scorer.Ready;

        // Priming (EnginePrimer) warms an in-process model with its synthetic messages; to a remote provider they would
        // be paid calls, sent at every start, that warm nothing of ours but the HTTP client.
        _scoresPriming = scorer.Provider == EmbeddedProvider;
    }

    /// <summary>The <see cref="ISemanticScorer.Provider"/> of the in-process model, the one scorer priming messages reach.</summary>
    public const string EmbeddedProvider = "embedded";

    private readonly bool _scoresPriming;

    public string Id => "L2-000";

    /// <summary>The scorer in use (for <c>config show</c> and start-up notes).</summary>
    public ISemanticScorer Scorer => _scorer;

    /// <summary>Provider calls started (not cache hits, not shared calls): what the cascade and the cache save is measured with it.</summary>
    public long ProviderCalls => Interlocked.Read(ref _providerCalls);

    private long _providerCalls;

    /// <summary>Provider calls under way (single-flight entries): zero once every call has ended, answered, failed or abandoned.</summary>
    internal int CallsInFlight => _cache.InFlight;

    /// <summary>The same stage in both directions, so that one cache and one breaker serve the whole process.</summary>
    public InspectionStages BothDirections() => new([this], [this]);

    public ValueTask InspectAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        // The cheap gate runs synchronously; only a message that goes to the scorer allocates a state machine.
        if (!_scoresPriming && context.ServerId == EnginePrimer.ServerId)
        {
            return ValueTask.CompletedTask;
        }

        return SemanticSelection.Select(context, findings, _settings) is { } request
            ? ScoreAsync(request, context, findings, cancellationToken)
            : ValueTask.CompletedTask;
    }

    private async ValueTask ScoreAsync(SemanticRequest request, InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var key = SemanticCacheKey.For(_scorer, request);
        if (_cache.TryGet(key, out var cached))
        {
            Judge(cached, "cached", started, findings);
            return;
        }

        if (!_ready.IsCompletedSuccessfully)
        {
            // Before the widening of the cascade such a message was not scored at all: while the model loads it passes as it
            // did then, so an initialize or tools/list answer never waits for the load (the handshake stays off it).
            if (request.ByKindOnly)
            {
                return;
            }

            if (await WaitForLoadAsync(cancellationToken).ConfigureAwait(false) is { } notLoaded)
            {
                Unavailable(notLoaded.Outcome, notLoaded.What, started, context, findings, request.ByKindOnly);
                return;
            }

            // The budget (and the latency the audit shows) starts now that the scorer can answer.
            started = Stopwatch.GetTimestamp();
        }

        if (!_breaker.TryEnter())
        {
            Unavailable("circuit-open", "the provider failed repeatedly; calls are paused", started, context, findings, request.ByKindOnly);
            return;
        }

        SemanticScore score;
        try
        {
            // When another message is scoring the same text, this one waits for that call (its result decides the breaker).
            var call = _cache.Join(key, _settings.Timeout, () => CallAsync(request));
            score = await call.WaitAsync(_settings.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Unavailable("timeout", $"no score within {(int)_settings.Timeout.TotalMilliseconds} ms", started, context, findings, request.ByKindOnly);
            return;
        }
        catch (Exception ex)
        {
            Unavailable("error", ex is SemanticProviderException ? ex.Message : ex.GetType().Name, started, context, findings, request.ByKindOnly);
            return;
        }

        Judge(score, "scored", started, findings);
    }

    /// <summary>Outcome of <see cref="UnavailableRule"/> when the scorer's model did not load within <c>semantic.load_timeout_ms</c>.</summary>
    public const string LoadTimeoutOutcome = "load-timeout";

    /// <summary>Outcome of <see cref="UnavailableRule"/> when the scorer's model failed to load.</summary>
    public const string LoadFailedOutcome = "load-failed";

    /// <summary>
    /// Null once the scorer can answer; otherwise why not (for the gateway's <c>/readyz</c>): its model is still loading,
    /// or failed to load.
    /// </summary>
    public string? NotReadyReason()
    {
        if (_ready.IsCompletedSuccessfully)
        {
            return null;
        }

        var which = $"the L2 model ({_scorer.Provider}/{_scorer.Model})";
        if (_ready.IsFaulted || _ready.IsCanceled)
        {
            return $"{which} failed to load ({LoadFailure()})";
        }

        return _time.GetElapsedTime(_loadStarted) < _settings.LoadTimeout
            ? $"{which} is still loading"
            : $"{which} has not loaded within semantic.load_timeout_ms ({(int)_settings.LoadTimeout.TotalMilliseconds} ms); scored messages meet the failure policy";
    }

    /// <summary>
    /// Completes once every L2 stage of <paramref name="engine"/> can score, or its load has failed or met
    /// <c>semantic.load_timeout_ms</c>; never throws for the load. Batch commands (<c>replay</c>, <c>scan</c>) wait here
    /// first, so that what they report does not depend on how fast the model loaded (messages selected for their kind
    /// only are not scored while it loads).
    /// </summary>
    public static async Task WhenLoadedAsync(InspectionEngine engine, CancellationToken cancellationToken)
    {
        foreach (var stage in engine.AgentToServer.Stages.Concat(engine.ServerToAgent.Stages).OfType<SemanticStage>().Distinct())
        {
            if (!stage._ready.IsCompletedSuccessfully)
            {
                _ = await stage.WaitForLoadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits for the scorer's load until <c>semantic.load_timeout_ms</c> after the stage was built (one deadline for the
    /// process, so a model that never loads costs each later message nothing); null when it is ready.
    /// </summary>
    private async ValueTask<(string Outcome, string What)?> WaitForLoadAsync(CancellationToken cancellationToken)
    {
        var remaining = _settings.LoadTimeout - _time.GetElapsedTime(_loadStarted);
        if (!_ready.IsCompleted && remaining > TimeSpan.Zero)
        {
            try
            {
                await _ready.WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception)
            {
                // Timed out or failed: told apart below from the task itself.
            }
        }

        if (_ready.IsCompletedSuccessfully)
        {
            return null;
        }

        return _ready.IsFaulted || _ready.IsCanceled
            ? (LoadFailedOutcome, $"the model failed to load ({LoadFailure()})")
            : (LoadTimeoutOutcome, $"the model did not load within {(int)_settings.LoadTimeout.TotalMilliseconds} ms");
    }

    /// <summary>The type of the load's exception only: its message may hold paths.</summary>
    private string LoadFailure() => _ready.Exception?.InnerException?.GetType().Name ?? "canceled";

    /// <summary>The one provider call for a key: its own deadline (no single waiter may cancel it), its result judged by the breaker.</summary>
    private async Task<SemanticScore> CallAsync(SemanticRequest request)
    {
        Interlocked.Increment(ref _providerCalls);
        using var deadline = new CancellationTokenSource(_settings.Timeout);
        try
        {
            // WaitAsync bounds a scorer that ignores the token: the call fails as a timeout (and counts against the breaker)
            // instead of waiting for ever.
            var score = await _scorer.ScoreAsync(request, deadline.Token).AsTask().WaitAsync(_settings.Timeout).ConfigureAwait(false);
            if (!double.IsFinite(score.Score) || score.Score is < 0 or > 1)
            {
                throw new SemanticProviderException("the scorer returned a score outside 0..1");
            }

            _breaker.Succeeded();
            return score;
        }
        catch (Exception ex)
        {
            _breaker.Failed((ex as SemanticProviderException)?.RetryAfter);
            throw;
        }
    }

    private void Judge(SemanticScore score, string outcome, long started, List<Finding> findings)
    {
        if (score.Score < _threshold)
        {
            return;
        }

        var evidence = Evidence(outcome, score.Score, Clean(score.Category, 40), Clean(score.Reason, MaxReasonChars), started);
        findings.Add(new Finding(
            ScoreRule,
            "L2",
            "MCP-19",
            Severity.High,
            FindingAction.Block,
            $"L2 semantic score {score.Score:0.00} ≥ {_threshold:0.00} ({_scorer.Provider}/{_scorer.Model}, {evidence.Category}): {evidence.Reason}")
        {
            Semantic = evidence,
        });
    }

    /// <param name="byKindOnly">
    /// The message was selected only for its kind (<see cref="SemanticRequest.ByKindOnly"/>): the narrower cascade did not
    /// score it at all, so failing to score it is logged and never blocks (a provider outage must not stop every handshake).
    /// </param>
    private void Unavailable(string outcome, string what, long started, InspectionContext context, List<Finding> findings, bool byKindOnly)
    {
        var evidence = Evidence(outcome, null, null, Clean(what, MaxReasonChars), started);
        var action = byKindOnly ? FindingAction.Log : FailureAction(context.Profile, findings);
        findings.Add(new Finding(
            UnavailableRule,
            "L2",
            "MCP-00",
            Severity.Medium,
            action,
            $"L2 semantic scorer unavailable ({_scorer.Provider}/{_scorer.Model}: {outcome}, {evidence.Reason}); {(byKindOnly ? "allowed: selected for its kind only" : $"{Describe(action)} per the {context.Profile.ToString().ToLowerInvariant()} profile")}.")
        {
            Semantic = evidence,
        });
    }

    /// <summary>
    /// What a message L2 could not score gets: monitor allows (audited), balanced allows with a warning unless L1 already
    /// warned about it (an uncertain message with no second opinion is blocked), strict blocks.
    /// </summary>
    public static FindingAction FailureAction(Profile profile, IReadOnlyList<Finding> findingsSoFar) => profile switch
    {
        Profile.Monitor => FindingAction.Log,
        Profile.Strict => FindingAction.Block,
        _ => findingsSoFar.Any(static f => f.Action == FindingAction.Warn && f.Layer != "L2") ? FindingAction.Block : FindingAction.Warn,
    };

    private static string Describe(FindingAction action) => action switch
    {
        FindingAction.Block => "blocked",
        FindingAction.Warn => "allowed with a warning",
        _ => "allowed",
    };

    private SemanticEvidence Evidence(string outcome, double? score, string? category, string? reason, long started)
        => new(_scorer.Provider, _scorer.Model, outcome, score is { } s ? Math.Round(s, 4) : null, _threshold, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), category, reason);

    /// <summary>
    /// A scorer's words, one line and bounded like every server-chosen audit field (escaped, credentials masked, cut
    /// without splitting a character): they come from a model that read attacker text.
    /// </summary>
    private static string Clean(string text, int max) => Audit.AuditFieldBounds.Bound(text.ReplaceLineEndings(" "), max)!;
}
