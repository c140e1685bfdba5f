namespace McpVanguard.Audit;

/// <summary>
/// The audit log's volume caps and retention (docs: README "Audit log"). The defaults bound what one hostile agent can
/// write: per window, at most <see cref="PerSessionPerKind"/> records of one kind from one session and
/// <see cref="PerKind"/> of one kind from all sessions; the excess becomes one summary record per session and kind.
/// </summary>
/// <param name="Window">The throttling window.</param>
/// <param name="PerSessionPerKind">Records of one kind (verdict and rule ids) one session may write per window.</param>
/// <param name="PerKind">Records of one kind all sessions together may write per window.</param>
/// <param name="DecisionsMinAge">
/// A decisions file younger than this is never deleted by rotation: when the decisions files are full of recent
/// records, new decision records are counted (and still written to the main log) instead of erasing older evidence.
/// </param>
public sealed record AuditRetention(TimeSpan Window, int PerSessionPerKind, int PerKind, TimeSpan DecisionsMinAge)
{
    /// <summary>60 s windows, 20 per session and kind, 200 per kind, decisions kept at least 30 days.</summary>
    public static AuditRetention Default { get; } = new(TimeSpan.FromSeconds(60), 20, 200, TimeSpan.FromDays(30));

    /// <summary>No throttling and plain rotation: for tests of rotation itself.</summary>
    public static AuditRetention Unlimited { get; } = new(TimeSpan.FromSeconds(60), int.MaxValue, int.MaxValue, TimeSpan.Zero);
}
