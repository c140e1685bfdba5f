using McpVanguard.Inspection;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Tables;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// The precompiled table image: every table read from it is the table the engine builds at run time from the same input
/// (equal data, and the same matches on all the text the project ships), and a table whose source changed after the image
/// was built — or an image that is damaged or of another layout — is never read: the engine builds it at run time.
/// </summary>
public sealed class TableImageTests
{
    /// <summary>
    /// An image of the built-in tables, made by the builder the executable's build runs, from what this process records
    /// while it builds them: the rules and their patterns, every analyser regex, each profile's rule prefilters, the
    /// analysers' gates and the lexicon. (Other tests running meanwhile may add tables of their own: more to compare.)
    /// </summary>
    private static readonly Lazy<(TableImage Image, TableRecorder Recorded)> Built = new(() =>
    {
        var recorder = TableRecorder.Start();
        try
        {
            var rules = RuleLoader.Load(rulesDirectory: null);
            foreach (var profile in Enum.GetValues<Profile>())
            {
                _ = new RuleInspector(rules, profile);
            }

            var gated = PrefilteredRegexTests.AllGatedRegexes().Select(g => g.Regex).ToList();
            foreach (var regex in gated)
            {
                _ = RequiredLiterals.ExtractAll(regex.Pattern);
                _ = PhrasePattern.TryCreate(regex.Pattern, regex.Options);
            }

            _ = new LiteralPrefilter(gated.Select((regex, index) => (regex.LiteralSets, index)), gated.Count, ignoreCase: true);
            using var yaml = new StreamReader(new MemoryStream(TableImageBuilder.LexiconSource()));
            _ = InjectionLexicon.Parse(yaml);
        }
        finally
        {
            TableRecorder.Stop();
        }

        var bytes = TableImageBuilder.Build(recorder, TableImageBuilder.LexiconSource(), [.. RuleLoader.EmbeddedFiles()]);
        return (TableImage.Read(bytes), recorder);
    });

    private static TableImage Image => Built.Value.Image;

    private static TableRecorder Recorded => Built.Value.Recorded;

    [Fact]
    public void Every_required_literal_set_read_from_the_image_is_the_one_worked_out_at_run_time()
    {
        Assert.True(Recorded.LiteralPatterns.Count >= 200, $"only {Recorded.LiteralPatterns.Count} patterns recorded: the test proves little");
        foreach (var pattern in Recorded.LiteralPatterns)
        {
            var read = Image.LiteralSets(pattern);
            Assert.NotNull(read);
            var computed = RequiredLiterals.Analyse(pattern);
            Assert.Equal(computed.Count, read.Count);
            for (var i = 0; i < computed.Count; i++)
            {
                Assert.Equal(computed[i], read[i]);
            }
        }
    }

    [Fact]
    public void Every_phrase_program_read_from_the_image_is_the_compiled_one_and_finds_the_same_matches()
    {
        var texts = PrefilteredRegexTests.Texts.Value.Select(t => t.ToLowerInvariant()).Concat(PrefilteredRegexTests.Texts.Value).ToList();
        var programs = 0;
        foreach (var (pattern, options) in Recorded.PhrasePatterns)
        {
            Assert.True(Image.TryGetPhraseProgram(pattern, options, out var read), pattern);
            var compiled = PhraseProgramCompiler.Compile(pattern, options);
            Assert.Equal(compiled is null, read is null);
            if (compiled is not var (program, classes) || read is not var (readProgram, readClasses))
            {
                continue;
            }

            programs++;
            Assert.Equal(program, readProgram);
            Assert.Equal(classes, readClasses);

            var fromImage = PhrasePattern.FromProgram(readProgram, readClasses);
            var fromCompiler = PhrasePattern.FromProgram(program, classes);
            foreach (var text in texts)
            {
                Assert.Equal(fromCompiler.TryMatch(text, 0, out var index, out var length), fromImage.TryMatch(text, 0, out var readIndex, out var readLength));
                Assert.Equal((index, length), (readIndex, readLength));
            }
        }

        Assert.True(programs >= 100, $"only {programs} phrase programs compared");
    }

    [Fact]
    public void Every_automaton_read_from_the_image_is_the_built_one_and_finds_the_same_literals()
    {
        var texts = PrefilteredRegexTests.Texts.Value;
        // The lexicon's, the gates' and the rules' (profiles with the same rules share one).
        Assert.True(Recorded.Automata.Count >= 4, $"only {Recorded.Automata.Count} automata recorded");
        Assert.Contains(Recorded.Automata, a => a.Marked.Length > 5_000);
        foreach (var (marked, ignoreCase, denseLimit) in Recorded.Automata)
        {
            var read = Image.Automaton(marked, ignoreCase, denseLimit);
            Assert.NotNull(read);
            var built = LiteralAutomatonBuilder.Build(marked, ignoreCase, denseLimit);
            Assert.Equal(built.ColumnOf, read.ColumnOf);
            Assert.Equal((built.Columns, built.States), (read.Columns, read.States));
            Assert.Equal(built.Dense, read.Dense);
            Assert.Equal(new[] { built.RootRow, built.Base, built.Owner, built.Edges, built.Fail }, new[] { read.RootRow, read.Base, read.Owner, read.Edges, read.Fail });
            Assert.Equal(built.Outputs, read.Outputs);
            Assert.Equal(built.Shape, read.Shape);

            var fromImage = LiteralAutomaton.FromParts(read);
            var fromBuild = LiteralAutomaton.FromParts(built);
            var found = new List<(int, int)>();
            var readFound = new List<(int, int)>();
            foreach (var text in texts)
            {
                found.Clear();
                readFound.Clear();
                fromBuild.ScanOccurrences(text, found, 10_000);
                fromImage.ScanOccurrences(text, readFound, 10_000);
                Assert.Equal(found, readFound);
            }
        }
    }

    [Fact]
    public void The_lexicon_read_from_the_image_is_the_one_parsed_from_its_yaml()
    {
        var yaml = TableImageBuilder.LexiconSource();
        var read = Image.Lexicon(yaml);
        Assert.NotNull(read);
        var parsed = InjectionLexicon.ParseTables(new StreamReader(new MemoryStream(yaml)));
        Assert.Equal(Serialized(w => LexiconImage.Write(w, yaml, parsed)), Serialized(w => LexiconImage.Write(w, yaml, read)));

        var fromImage = InjectionLexicon.FromTables(read);
        var fromYaml = InjectionLexicon.FromTables(parsed);
        foreach (var text in PrefilteredRegexTests.Texts.Value)
        {
            Assert.Equal(fromYaml.Signals(text, out var start, out var end), fromImage.Signals(text, out var readStart, out var readEnd));
            Assert.Equal((start, end), (readStart, readEnd));
        }
    }

    [Fact]
    public void The_rules_read_from_the_image_are_the_rules_parsed_from_their_yaml()
    {
        var files = RuleLoader.EmbeddedFiles().ToList();
        Assert.True(files.Count >= 8);
        foreach (var (source, yaml) in files)
        {
            var read = Image.RuleFile(source, yaml);
            Assert.NotNull(read);
            var parsed = RuleLoader.ParseEmbedded(source, yaml);
            Assert.Equal(Serialized(w => RuleImage.WriteFile(w, source, yaml, parsed)), Serialized(w => RuleImage.WriteFile(w, source, yaml, read)));
            Assert.Equal(parsed.Select(e => e.Line), read.Select(e => e.Line));
            Assert.Equal(parsed.Select(e => e.Definition!.Profiles.Order()), read.Select(e => e.Definition!.Profiles.Order()));
        }
    }

    [Fact]
    public void A_source_changed_after_the_image_was_built_is_never_read_from_it()
    {
        var image = Image;
        var (_, missesBefore) = image.Counts;

        var lexicon = TableImageBuilder.LexiconSource();
        Assert.Null(image.Lexicon([.. lexicon, .. "\n# a new term\n"u8.ToArray()]));

        var (source, yaml) = RuleLoader.EmbeddedFiles().First();
        var edited = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(yaml).Replace("severity: high", "severity: low", StringComparison.Ordinal));
        Assert.NotEqual(yaml, edited);
        Assert.Null(image.RuleFile(source, edited));
        Assert.Null(image.RuleFile("embedded:renamed.yaml", yaml));

        var pattern = Recorded.LiteralPatterns.First();
        Assert.Null(image.LiteralSets(pattern + "x"));
        Assert.False(image.TryGetPhraseProgram(pattern + "x", System.Text.RegularExpressions.RegexOptions.NonBacktracking, out _));

        var (marked, ignoreCase, denseLimit) = Recorded.Automata.First();
        Assert.Null(image.Automaton([.. marked, "a literal no rule has"], ignoreCase, denseLimit));
        Assert.Null(image.Automaton(marked, !ignoreCase, denseLimit));

        Assert.Equal(missesBefore + 7, image.Counts.Misses);
    }

    [Fact]
    public void An_image_of_another_layout_is_refused_and_a_cut_one_is_never_trusted()
    {
        var bytes = TableImageBuilder.Build(Recorded, TableImageBuilder.LexiconSource(), [.. RuleLoader.EmbeddedFiles()]);
        var otherVersion = bytes.ToArray();
        otherVersion[4]++;
        Assert.Throws<FormatException>(() => TableImage.Read(otherVersion));
        Assert.Throws<FormatException>(() => TableImage.Read([.. "not an image"u8.ToArray()]));

        // Cut after the indexes, or in the middle of the last entry: a look-up past the end is a miss, never an exception.
        var cut = TableImage.Read(bytes[..TableImageHeaderSize(bytes)]);
        Assert.Null(cut.Lexicon(TableImageBuilder.LexiconSource()));
        var (marked, ignoreCase, denseLimit) = Recorded.Automata.First();
        Assert.Null(cut.Automaton(marked, ignoreCase, denseLimit));
        Assert.Null(cut.LiteralSets(Recorded.LiteralPatterns.First()));
        var (source, yaml) = RuleLoader.EmbeddedFiles().First();
        Assert.Null(cut.RuleFile(source, yaml));
        Assert.Null(TableImage.Read(bytes[..^100]).Lexicon(TableImageBuilder.LexiconSource()));
    }

    /// <summary>The size of an image's header: magic, version, four indexes (count, then 12 bytes per entry) and the lexicon's offset.</summary>
    private static int TableImageHeaderSize(byte[] image)
    {
        var at = 8;
        for (var section = 0; section < 4; section++)
        {
            at += 4 + (12 * BitConverter.ToInt32(image, at));
        }

        return at + 4;
    }

    private static byte[] Serialized(Action<ImageWriter> write)
    {
        var writer = new ImageWriter();
        write(writer);
        return writer.ToArray();
    }
}
