using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// The engine's precompiled tables: what every start used to build from the built-in data (the rules' parsed YAML, every
/// pattern's required literals and phrase program, the lexicon and its automaton, the gates' and rules' automata), produced
/// at build time by running that same code (<see cref="TableImageBuilder"/>) and embedded in the executable. At start-up a
/// table is a few array copies out of the image instead of a parse or a construction.
/// </summary>
/// <remarks>
/// Every table is found by its full input, never by a name: a pattern by its text and options, an automaton by its literals,
/// the lexicon and each rules file by a hash of their bytes, and each hit is confirmed by comparing the whole key. Whatever
/// the image does not hold exactly (a user's rules, a source changed after the image was built, a pattern first met later)
/// is built at run time as before, so a stale image costs time, never a different answer. Linear time holds: the image
/// holds the same programs and automata the run-time compilers produce.
/// </remarks>
internal sealed class TableImage
{
    /// <summary>"VGTI": a file that is not a table image is refused whole.</summary>
    internal const int Magic = 0x49544756;

    /// <summary>The layout's version: an image of another layout is refused whole (and every table built at run time).</summary>
    internal const int Version = 1;

    private static volatile TableImage? s_current;

    /// <summary>The image's bytes: an array, or memory that lives as long as the process (an executable's embedded resource).</summary>
    private readonly byte[]? _array;
    private readonly nint _pointer;
    private readonly int _length;
    private readonly Index _literalSets;
    private readonly Index _phrasePrograms;
    private readonly Index _automata;
    private readonly Index _ruleFiles;
    private readonly int _lexicon;
    private long _hits;
    private long _misses;

    private TableImage(byte[]? array, nint pointer, int length)
    {
        _array = array;
        _pointer = pointer;
        _length = length;
        var reader = new ImageReader(Bytes, 0);
        if (reader.Int() != Magic || reader.Int() != Version)
        {
            throw new FormatException("Not a table image of this version.");
        }

        _literalSets = Index.Read(ref reader);
        _phrasePrograms = Index.Read(ref reader);
        _automata = Index.Read(ref reader);
        _ruleFiles = Index.Read(ref reader);
        _lexicon = reader.Int();
    }

    /// <summary>The image start-up reads from; null when none is installed (every table is built at run time).</summary>
    public static TableImage? Current => s_current;

    /// <summary>Tables found in the image, and tables asked for that it did not hold (built at run time instead).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>How many tables of each kind the image holds.</summary>
    public (int LiteralSets, int PhrasePrograms, int Automata, int RuleFiles) Sizes => (_literalSets.Count, _phrasePrograms.Count, _automata.Count, _ruleFiles.Count);

    /// <summary>Reads an image; throws <see cref="FormatException"/> when it is not one of this layout.</summary>
    public static TableImage Read(byte[] image) => new(image, 0, image.Length);

    /// <summary>
    /// Reads an image in place, in memory that must live as long as the process (an embedded resource of a loaded
    /// assembly): only the pages of the tables start-up asks for are ever read, so tables of other profiles cost no memory.
    /// </summary>
    public static unsafe TableImage Read(byte* image, int length) => new(null, (nint)image, length);

    private unsafe ReadOnlySpan<byte> Bytes => _array ?? new ReadOnlySpan<byte>((void*)_pointer, _length);

    /// <summary>Makes <paramref name="image"/> the one start-up reads from (the executable installs its embedded image before anything is built).</summary>
    public static void Install(TableImage? image) => s_current = image;

    /// <summary>The required literal sets of <paramref name="pattern"/> (<see cref="RequiredLiterals.ExtractAll"/>), or null when the image lacks them.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? LiteralSets(string pattern) => Guarded(() => ReadLiteralSets(pattern));

    private IReadOnlyList<IReadOnlyList<string>>? ReadLiteralSets(string pattern)
    {
        if (!TryFind(_literalSets, pattern, options: 0, out var r))
        {
            return null;
        }

        var sets = new IReadOnlyList<string>[r.Count()];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = r.Strings();
        }

        return sets;
    }

    /// <summary>
    /// The phrase program of <paramref name="pattern"/> (<see cref="PhraseProgramCompiler.TryCompile"/>): true with the
    /// program, or with null when the pattern needs its regex; false when the image does not know the pattern.
    /// </summary>
    public bool TryGetPhraseProgram(string pattern, RegexOptions options, out (PhraseInstruction[] Program, PhraseClass[] Classes)? program)
    {
        var found = Guarded(() => ReadPhraseProgram(pattern, options));
        program = found?.Value;
        return found is not null;
    }

    /// <summary>The entry's program (its value null when the pattern needs its regex), or null when the image lacks the pattern.</summary>
    private StrongBox<(PhraseInstruction[] Program, PhraseClass[] Classes)?>? ReadPhraseProgram(string pattern, RegexOptions options)
    {
        if (!TryFind(_phrasePrograms, pattern, (int)options, out var r))
        {
            return null;
        }

        if (!r.Bool())
        {
            return new(null);
        }

        var steps = new PhraseInstruction[r.Count()];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new PhraseInstruction((PhraseOp)r.Byte(), (char)r.Int(), r.Int(), r.Int());
        }

        var classes = new PhraseClass[r.Count()];
        for (var i = 0; i < classes.Length; i++)
        {
            var ranges = r.RequiredString();
            var flags = r.Byte();
            classes[i] = new PhraseClass(ranges, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0);
        }

        return new((steps, classes));
    }

    /// <summary>The automaton of exactly these literals and flags, or null when the image does not hold it.</summary>
    public LiteralAutomatonParts? Automaton(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit) => Guarded(() => ReadAutomaton(marked, ignoreCase, denseLimit));

    private LiteralAutomatonParts? ReadAutomaton(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit)
    {
        var flags = AutomatonFlags(ignoreCase, denseLimit);
        var key = ContentKey.Of(marked, flags);
        foreach (var offset in _automata.Candidates(key))
        {
            var r = new ImageReader(Bytes, offset);
            if (r.Int() != flags || r.Count() != marked.Count || !SameLiterals(ref r, marked))
            {
                continue;
            }

            Interlocked.Increment(ref _hits);
            return AutomatonImage.Read(ref r, marked.Count);
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>The entries of the built-in rules file <paramref name="source"/>, when the image was built from exactly these bytes.</summary>
    public List<RuleEntry>? RuleFile(string source, byte[] yaml) => Guarded(() => ReadRuleFile(source, yaml));

    private List<RuleEntry>? ReadRuleFile(string source, byte[] yaml)
    {
        var key = ContentKey.Of(yaml, ContentKey.Of(source.AsSpan()));
        foreach (var offset in _ruleFiles.Candidates(key))
        {
            var r = new ImageReader(Bytes, offset);
            if (!r.StringSpan().SequenceEqual(source) || r.Long() != ContentKey.Of(yaml))
            {
                continue;
            }

            Interlocked.Increment(ref _hits);
            return RuleImage.ReadFile(ref r, source);
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>The lexicon's tables, when the image was built from exactly these bytes of <c>InjectionLexicon.yaml</c>.</summary>
    public LexiconTables? Lexicon(byte[] yaml) => Guarded(() => ReadLexicon(yaml));

    private LexiconTables? ReadLexicon(byte[] yaml)
    {
        var r = new ImageReader(Bytes, _lexicon);
        if (_lexicon == 0 || r.Long() != ContentKey.Of(yaml))
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        Interlocked.Increment(ref _hits);
        return LexiconImage.Read(ref r);
    }

    /// <summary>
    /// A table read from a malformed image (which a build cannot produce, but a damaged binary could hold) is a miss: the
    /// table is built at run time, as it would be without an image.
    /// </summary>
    private T? Guarded<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException or InvalidCastException)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }
    }

    internal static int AutomatonFlags(bool ignoreCase, int denseLimit) => (denseLimit << 1) | (ignoreCase ? 1 : 0);

    private static bool SameLiterals(ref ImageReader r, IReadOnlyList<string> marked)
    {
        for (var i = 0; i < marked.Count; i++)
        {
            if (!r.StringSpan().SequenceEqual(marked[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Positions <paramref name="reader"/> after the key of the entry for <paramref name="pattern"/>; false on a miss (counted).</summary>
    private bool TryFind(Index index, string pattern, int options, out ImageReader reader)
    {
        foreach (var offset in index.Candidates(ContentKey.Of(pattern, options)))
        {
            reader = new ImageReader(Bytes, offset);
            if (reader.Int() == options && reader.StringSpan().SequenceEqual(pattern))
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }

        Interlocked.Increment(ref _misses);
        reader = default;
        return false;
    }

    /// <summary>A section's index: entry keys in ascending order, each with the offset of its entry.</summary>
    private sealed class Index(ulong[] keys, int[] offsets)
    {
        public int Count => keys.Length;

        public static Index Read(ref ImageReader reader)
        {
            var count = reader.Count();
            var keys = new ulong[count];
            var offsets = new int[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = reader.Long();
                offsets[i] = reader.Int();
            }

            return new Index(keys, offsets);
        }

        /// <summary>The offsets of the entries whose key is <paramref name="key"/> (almost always none or one).</summary>
        public IEnumerable<int> Candidates(ulong key)
        {
            var at = Array.BinarySearch(keys, key);
            if (at < 0)
            {
                yield break;
            }

            while (at > 0 && keys[at - 1] == key)
            {
                at--;
            }

            for (; at < keys.Length && keys[at] == key; at++)
            {
                yield return offsets[at];
            }
        }
    }
}
