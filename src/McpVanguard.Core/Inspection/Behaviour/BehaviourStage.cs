using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// L3, the behavioural layer, as a stage of both pipelines: each request step and each notable result is appended to the
/// session's window (and the caller's, in the gateway), and the detectors judge the step that would complete a pattern.
/// Blocks are never sticky: they fall on the calls that complete a chain, and the windows decay.
/// </summary>
public sealed class BehaviourStage : IInspectionStage
{
    private readonly IBehaviourState _state;
    private readonly BehaviourSettings _settings;
    private readonly BehaviourKeys _keys;
    private readonly TimeSpan _retention;

    public BehaviourStage(IBehaviourState state, BehaviourSettings settings)
    {
        _state = state;
        _settings = settings;
        _keys = new BehaviourKeys(settings.Prefix);
        _retention = settings.Retention;
    }

    public string Id => "BEH-000";

    public BehaviourSettings Settings => _settings;

    /// <summary>Forgets every window and budget (replay resets it between cases).</summary>
    public void Reset() => _state.Clear();

    public ValueTask InspectAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        // Priming's synthetic messages are no session's steps: appended, they would sit in the state (in Redis, under one
        // key every gateway replica shares, written at every start) and count towards the windows and budgets it keeps.
        if (context.ServerId == EnginePrimer.ServerId)
        {
            return ValueTask.CompletedTask;
        }

        if (context.Direction == Direction.AgentToServer)
        {
            return BehaviourStepClassifier.OfRequest(context, findings, _state.NowMs) is { } step
                ? OnRequestAsync(context, step, findings, cancellationToken)
                : ValueTask.CompletedTask;
        }

        // Server→agent: only a result counts (an error or a server request moves no data to the agent).
        return context.Message.Kind == McpMessageKind.Response && context.RequestMethod is not null
            ? OnResultAsync(context, findings, cancellationToken)
            : ValueTask.CompletedTask;
    }

    private async ValueTask OnRequestAsync(InspectionContext context, BehaviourEvent step, List<Finding> findings, CancellationToken cancellationToken)
    {
        var session = await _state.AppendAsync(_keys.Session(context.SessionId), step, _retention, cancellationToken).ConfigureAwait(false);
        var principal = context.Caller is { } caller
            ? await _state.AppendAsync(_keys.Principal(caller), step, _retention, cancellationToken).ConfigureAwait(false)
            : [];
        var profile = context.Profile;
        ExfiltrationChainDetector.Detect(step, session, principal, _settings, profile, findings);
        UntrustedActionDetector.Detect(step, session, _settings, profile, findings);
        EnumerationDetector.Detect(step, session, _settings, profile, findings);
        BurstDetector.Detect(step, session, _settings, profile, findings);
        LoopDetector.Detect(step, session, _settings, profile, findings);
    }

    private async ValueTask OnResultAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        // The budgets first: the answer that takes what this server returned to the session past the high-volume size is
        // itself a high-volume read, whether it came in one answer or in many.
        var bytes = await _state.AddDecayingAsync(_keys.ServerBudget(context.SessionId, context.ServerId, "bytes"), context.Message.Raw.Length, _settings.VolumeHalfLife, cancellationToken).ConfigureAwait(false);
        var itemCount = BehaviourStepClassifier.Items(context);
        var items = itemCount == 0 ? 0 : await _state.AddDecayingAsync(_keys.ServerBudget(context.SessionId, context.ServerId, "items"), itemCount, _settings.VolumeHalfLife, cancellationToken).ConfigureAwait(false);
        var step = BehaviourStepClassifier.OfResult(context, findings, _state.NowMs, highVolume: bytes >= _settings.HighVolumeReadBytes);
        if (step is not null)
        {
            await _state.AppendAsync(_keys.Session(context.SessionId), step, _retention, cancellationToken).ConfigureAwait(false);
            if (context.Caller is { } caller)
            {
                await _state.AppendAsync(_keys.Principal(caller), step, _retention, cancellationToken).ConfigureAwait(false);
            }
        }

        VolumeBudgetDetector.Judge(bytes, items, step, context.Message.Id, context.ServerId, _settings, context.Profile, findings);
    }

    /// <summary>The stages of both directions for <paramref name="settings"/>: none when L3 is off.</summary>
    public static InspectionStages Stages(BehaviourSettings settings, TimeProvider clock)
        => settings.Enabled ? Stages(settings, new InMemoryBehaviourState(clock, settings.MaxKeys, settings.MaxEvents)) : InspectionStages.None;

    /// <summary>The stages of both directions over <paramref name="state"/> (the gateway's shared state, Redis when scaled out): none when L3 is off.</summary>
    public static InspectionStages Stages(BehaviourSettings settings, IBehaviourState state)
    {
        if (!settings.Enabled)
        {
            return InspectionStages.None;
        }

        var stage = new BehaviourStage(state, settings);
        return new InspectionStages([stage], [stage]);
    }
}
