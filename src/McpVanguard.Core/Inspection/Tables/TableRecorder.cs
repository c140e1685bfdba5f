using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// Notes every table the engine builds from its inputs while it records (only in the process that builds the table
/// image, <see cref="TableImageBuilder"/>): the image then holds exactly what start-up computes, whatever code asks for it.
/// </summary>
internal sealed class TableRecorder
{
    private static volatile TableRecorder? s_current;

    private readonly Lock _sync = new();
    private readonly HashSet<string> _literalPatterns = new(StringComparer.Ordinal);
    private readonly HashSet<(string Pattern, RegexOptions Options)> _phrasePatterns = [];
    private readonly Dictionary<string, (string[] Marked, bool IgnoreCase, int DenseLimit)> _automata = new(StringComparer.Ordinal);

    /// <summary>The recorder in use; null (nothing recorded) except while the table image is being built.</summary>
    public static TableRecorder? Current => s_current;

    public static TableRecorder Start() => s_current = new TableRecorder();

    public static void Stop() => s_current = null;

    public void LiteralSets(string pattern)
    {
        lock (_sync)
        {
            _literalPatterns.Add(pattern);
        }
    }

    public void PhraseProgram(string pattern, RegexOptions options)
    {
        lock (_sync)
        {
            _phrasePatterns.Add((pattern, options));
        }
    }

    public void Automaton(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit)
    {
        var key = string.Join('\uFFFF', [TableImage.AutomatonFlags(ignoreCase, denseLimit).ToString(System.Globalization.CultureInfo.InvariantCulture), .. marked]);
        lock (_sync)
        {
            _automata.TryAdd(key, ([.. marked], ignoreCase, denseLimit));
        }
    }

    public IReadOnlyCollection<string> LiteralPatterns
    {
        get
        {
            lock (_sync)
            {
                return [.. _literalPatterns];
            }
        }
    }

    public IReadOnlyCollection<(string Pattern, RegexOptions Options)> PhrasePatterns
    {
        get
        {
            lock (_sync)
            {
                return [.. _phrasePatterns];
            }
        }
    }

    public IReadOnlyCollection<(string[] Marked, bool IgnoreCase, int DenseLimit)> Automata
    {
        get
        {
            lock (_sync)
            {
                return [.. _automata.Values];
            }
        }
    }
}
