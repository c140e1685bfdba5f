using System.Diagnostics;
using McpVanguard.Inspection;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Sessions;

namespace McpVanguard.Telemetry;

/// <summary>
/// The metrics and spans of one message through the relay: its span (<c>vanguard.message</c>), a child span per
/// inspection layer (<c>vanguard.inspect …</c>), the layer and step durations, and the message and finding counts. The
/// relay creates one only when something listens (<see cref="VanguardTelemetry.RelayObserved"/>), so unobserved traffic
/// pays neither the clock reads nor the tags.
/// </summary>
public sealed class MessageTelemetry
{
    /// <summary>The span of one message through the relay.</summary>
    public const string MessageSpan = "vanguard.message";

    /// <summary>The prefix of a layer's span name (<c>vanguard.inspect l1</c>).</summary>
    public const string LayerSpanPrefix = "vanguard.inspect ";

    /// <summary>The layer of the relay's own preflight walk (limits, canonical copies of every string).</summary>
    public const string Preflight = "preflight";

    /// <summary>A tool name on a span is the peer's text: it is cut to this length.</summary>
    private const int MaxTagChars = 128;

    private static readonly string[] LayerOrder = [Preflight, InspectionLayers.L0, InspectionLayers.L1, InspectionLayers.Analysers, InspectionLayers.L2, InspectionLayers.L3, InspectionLayers.Stage];

    private readonly string _direction;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly long[] _layerTicks = new long[LayerOrder.Length];
    private readonly Activity? _activity;
    private string? _method;
    private string _serverId;
    private string? _layer;
    private long _layerStarted;
    private Activity? _layerActivity;

    private MessageTelemetry(Direction direction, string? method, string serverId)
    {
        _direction = DirectionName(direction);
        _method = method;
        _serverId = serverId;
        _layerStarted = _started;
        _layer = Preflight;
        if (VanguardTelemetry.Source.HasListeners())
        {
            _activity = VanguardTelemetry.Source.StartActivity(MessageSpan, ActivityKind.Internal);
            _activity?.SetTag(TelemetryTags.Direction, _direction);
            _activity?.SetTag(TelemetryTags.ServerId, serverId);
            _layerActivity = _activity is null ? null : VanguardTelemetry.Source.StartActivity(LayerSpanPrefix + Preflight)?.SetTag(TelemetryTags.Layer, Preflight);
        }
    }

    /// <summary>Starts observing a message, or returns null when nothing listens.</summary>
    public static MessageTelemetry? Begin(Direction direction, string? method, string serverId)
        => VanguardTelemetry.RelayObserved ? new MessageTelemetry(direction, method, serverId) : null;

    /// <summary>The span of the message (null when traces are off): the relay's caller may add to it.</summary>
    public Activity? Activity => _activity;

    /// <summary>
    /// The message is a response to <paramref name="request"/>: it is counted under that request's method and server, and
    /// its span links to the request's (the two are separate traces: the answer arrives on the other side's stream).
    /// </summary>
    public void Answers(PendingRequest? request)
    {
        if (request is not null)
        {
            _method ??= request.Method;
            _serverId = request.ServerId;
            if (request.RequestSpan != default)
            {
                _activity?.AddLink(new ActivityLink(request.RequestSpan));
            }
        }
    }

    /// <summary>Enters the layer of <paramref name="inspector"/> (ends the layer before it when it differs).</summary>
    public void Enter(IInspector inspector) => Enter(InspectionLayers.Of(inspector));

    /// <summary>Enters the layer of <paramref name="stage"/>; each stage is a layer of its own.</summary>
    public void Enter(IInspectionStage stage)
    {
        EndLayer();
        Enter(InspectionLayers.Of(stage));
    }

    /// <summary>Ends the layer in progress (the pipeline calls it before composing the verdict).</summary>
    public void EndLayer()
    {
        if (_layer is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _layerTicks[Array.IndexOf(LayerOrder, _layer)] += now - _layerStarted;
        _layerActivity?.Dispose();
        _layerActivity = null;
        _layer = null;
    }

    /// <summary>Records the message's outcome: counts, durations and the span's attributes; ends the span.</summary>
    public void Complete(StepOutcome outcome, string? tool, string? requestId)
    {
        EndLayer();
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var verdict = outcome.Verdict;
        var method = MethodNames.Bounded(_method);
        var label = verdict.Label;
        if (VanguardTelemetry.Messages.Enabled)
        {
            VanguardTelemetry.Messages.Add(1, new TagList { { TelemetryTags.Direction, _direction }, { TelemetryTags.Method, method }, { TelemetryTags.Verdict, label }, { TelemetryTags.ServerId, _serverId } });
        }

        if (VanguardTelemetry.RelayDuration.Enabled)
        {
            VanguardTelemetry.RelayDuration.Record(elapsed, new TagList { { TelemetryTags.Direction, _direction }, { TelemetryTags.Verdict, label } });
        }

        if (VanguardTelemetry.InspectionDuration.Enabled)
        {
            for (var i = 0; i < LayerOrder.Length; i++)
            {
                if (_layerTicks[i] > 0)
                {
                    VanguardTelemetry.InspectionDuration.Record((double)_layerTicks[i] / Stopwatch.Frequency, new TagList { { TelemetryTags.Layer, LayerOrder[i] }, { TelemetryTags.Direction, _direction } });
                }
            }
        }

        CountFindings(verdict, _serverId);
        if (_activity is { } span)
        {
            span.SetTag(TelemetryTags.Method, _method is null ? MethodNames.Response : Bound(_method));
            span.SetTag(TelemetryTags.Verdict, label);
            span.SetTag(TelemetryTags.ServerId, _serverId);
            if (tool is not null)
            {
                span.SetTag(TelemetryTags.Tool, Bound(tool));
            }

            if (requestId is not null)
            {
                span.SetTag(TelemetryTags.RequestId, Bound(requestId));
            }

            if (verdict.RuleIds.Count > 0)
            {
                span.SetTag("vanguard.rule_ids", string.Join(',', verdict.RuleIds));
            }

            span.SetTag("vanguard.forwarded", outcome.Forwarded);
            span.Dispose();
        }
    }

    /// <summary>Ends the spans of a message whose relay step threw (the caller rethrows).</summary>
    public void Fail(Exception exception)
    {
        EndLayer();
        if (_activity is { } span)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            span.Dispose();
        }
    }

    /// <summary>Counts a message refused before the relay could read it (an oversized frame); guarded by the caller's cheap test.</summary>
    public static void CountRefused(Direction direction, Verdict verdict, string serverId)
    {
        if (VanguardTelemetry.Messages.Enabled)
        {
            VanguardTelemetry.Messages.Add(1, new TagList { { TelemetryTags.Direction, DirectionName(direction) }, { TelemetryTags.Method, MethodNames.Other }, { TelemetryTags.Verdict, verdict.Label }, { TelemetryTags.ServerId, serverId } });
        }

        CountFindings(verdict, serverId);
    }

    private void Enter(string layer)
    {
        if (layer == _layer)
        {
            return;
        }

        EndLayer();
        _layer = layer;
        _layerStarted = Stopwatch.GetTimestamp();
        if (_activity is not null)
        {
            _layerActivity = VanguardTelemetry.Source.StartActivity(LayerSpanPrefix + layer)?.SetTag(TelemetryTags.Layer, layer);
        }
    }

    private static void CountFindings(Verdict verdict, string serverId)
    {
        if (!VanguardTelemetry.Findings.Enabled)
        {
            return;
        }

        foreach (var finding in verdict.Findings)
        {
            VanguardTelemetry.Findings.Add(1, new TagList { { TelemetryTags.RuleId, finding.RuleId }, { TelemetryTags.Category, finding.Category }, { TelemetryTags.ServerId, serverId } });
        }
    }

    private static string DirectionName(Direction direction) => direction == Direction.AgentToServer ? "agent_to_server" : "server_to_agent";

    private static string Bound(string text) => text.Length > MaxTagChars ? text[..MaxTagChars] : text;
}
