namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Per-thread working memory of one <see cref="RuleInspector"/>: "seen" marks that are reset by bumping a stamp instead of
/// clearing arrays, so that a message costs what its strings hold, not what the rule set holds.
/// </summary>
internal sealed class RuleScratch(RuleInspector owner, int rules)
{
    private int[] _literalSeen = [];
    private int _literalStamp;

    public RuleInspector Owner { get; } = owner;

    /// <summary>Per rule, the stamp of the last string it was made a candidate for.</summary>
    public int[] RuleStamp { get; } = new int[rules];

    /// <summary>Per rule, the stamp of the string its <see cref="Masks"/> entry belongs to.</summary>
    public int[] MaskStamp { get; } = new int[rules];

    /// <summary>Per rule, which of its literal sets the current string has hit so far.</summary>
    public int[] Masks { get; } = new int[rules];

    public int CurrentStringStamp { get; private set; }

    /// <summary>Per rule, its state for the message being inspected (see <see cref="RuleInspector"/>).</summary>
    public byte[] State { get; } = new byte[rules];

    public List<int> Literals { get; } = [];

    public List<int> Candidates { get; } = [];

    public int[] LiteralSeen(int count)
    {
        if (_literalSeen.Length < count)
        {
            _literalSeen = new int[count];
            _literalStamp = 0;
        }

        return _literalSeen;
    }

    public int NextStamp()
    {
        if (++_literalStamp == int.MaxValue)
        {
            Array.Clear(_literalSeen);
            _literalStamp = 1;
        }

        return _literalStamp;
    }

    public void BeginString()
    {
        if (++CurrentStringStamp == int.MaxValue)
        {
            Array.Clear(RuleStamp);
            Array.Clear(MaskStamp);
            CurrentStringStamp = 1;
        }
    }
}
