namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Per-thread working memory of a <see cref="LiteralPrefilter"/>: "seen" marks that are reset by bumping a stamp instead
/// of clearing arrays, so that a string costs what it holds, not what the prefilter knows.
/// </summary>
/// <param name="slots">The size of the prefiltered pattern array.</param>
internal sealed class PrefilterScratch(int slots)
{
    private int[] _literalSeen = [];
    private int _literalStamp;

    /// <summary>Per pattern, the stamp of the last string it was made a candidate for.</summary>
    public int[] OwnerStamp { get; } = new int[slots];

    /// <summary>Per pattern, the stamp of the string its <see cref="Masks"/> entry belongs to.</summary>
    public int[] MaskStamp { get; } = new int[slots];

    /// <summary>Per pattern, which of its literal sets the current string has hit so far.</summary>
    public int[] Masks { get; } = new int[slots];

    public int CurrentStringStamp { get; private set; }

    public List<int> Literals { get; } = [];

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

    /// <summary>Starts a new string: candidates and set hits of the previous one no longer count.</summary>
    public void BeginString()
    {
        if (++CurrentStringStamp == int.MaxValue)
        {
            Array.Clear(OwnerStamp);
            Array.Clear(MaskStamp);
            CurrentStringStamp = 1;
        }
    }
}
