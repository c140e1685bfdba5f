using McpVanguard.Configuration;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// Builds the table image at build time (<c>tools/McpVanguard.TableCompiler</c>, run by the executable's build): runs what
/// start-up runs — the analysers' tables, the built-in rules, the engine of every profile, and priming — while
/// <see cref="TableRecorder"/> notes every table that work builds, then writes each one, computed by the same code start-up
/// would run, with the key it is found by.
/// </summary>
internal static class TableImageBuilder
{
    /// <summary>Runs start-up's work in this process (which must have no image installed) and returns the image of what it built.</summary>
    public static byte[] BuildFromStartUp()
    {
        if (TableImage.Current is not null)
        {
            throw new InvalidOperationException("The table image is built in a process that reads none.");
        }

        var recorder = TableRecorder.Start();
        try
        {
            EnginePrimer.BuildTables();
            var rules = RuleLoader.Load(rulesDirectory: null);
            foreach (var profile in Enum.GetValues<Profile>())
            {
                var engine = InspectionEngine.Create(OptionsFor(profile), rules);
                EnginePrimer.Run(engine);

                // The fused literal pass of long texts is built on the first long text, not at start-up (its dense table is a
                // few MiB that short traffic never needs); built here, that first build is a copy from the image.
                foreach (var inspector in engine.AgentToServer.Inspectors.OfType<RuleInspector>())
                {
                    inspector.PrepareFusedScan();
                }
            }
        }
        finally
        {
            TableRecorder.Stop();
        }

        return Build(recorder, LexiconSource(), RuleLoader.EmbeddedFiles().ToList());
    }

    /// <summary>The image of the recorded tables, the lexicon parsed from <paramref name="lexiconYaml"/> and the given built-in rules files.</summary>
    public static byte[] Build(TableRecorder recorded, byte[] lexiconYaml, IReadOnlyList<(string Source, byte[] Yaml)> ruleFiles)
    {
        var body = new ImageWriter();
        var literalSets = new List<(ulong Key, int Offset)>();
        foreach (var pattern in recorded.LiteralPatterns.Order(StringComparer.Ordinal))
        {
            literalSets.Add((ContentKey.Of(pattern, 0), body.Position));
            body.Int(0);
            body.String(pattern);
            var sets = RequiredLiterals.Analyse(pattern);
            body.Int(sets.Count);
            foreach (var set in sets)
            {
                body.Strings([.. set]);
            }
        }

        var phrases = new List<(ulong Key, int Offset)>();
        foreach (var (pattern, options) in recorded.PhrasePatterns.OrderBy(p => p.Pattern, StringComparer.Ordinal).ThenBy(p => p.Options))
        {
            phrases.Add((ContentKey.Of(pattern, (int)options), body.Position));
            body.Int((int)options);
            body.String(pattern);
            WritePhraseProgram(body, PhraseProgramCompiler.Compile(pattern, options));
        }

        var automata = new List<(ulong Key, int Offset)>();
        foreach (var (marked, ignoreCase, denseLimit) in recorded.Automata.OrderBy(a => string.Join('\uFFFF', a.Marked), StringComparer.Ordinal).ThenBy(a => TableImage.AutomatonFlags(a.IgnoreCase, a.DenseLimit)))
        {
            automata.Add((ContentKey.Of(marked, TableImage.AutomatonFlags(ignoreCase, denseLimit)), body.Position));
            AutomatonImage.Write(body, marked, ignoreCase, denseLimit, LiteralAutomatonBuilder.Build(marked, ignoreCase, denseLimit));
        }

        var files = new List<(ulong Key, int Offset)>();
        foreach (var (source, yaml) in ruleFiles)
        {
            files.Add((ContentKey.Of(yaml, ContentKey.Of(source.AsSpan())), body.Position));
            RuleImage.WriteFile(body, source, yaml, RuleLoader.ParseEmbedded(source, yaml));
        }

        var lexicon = body.Position;
        LexiconImage.Write(body, lexiconYaml, InjectionLexicon.ParseTables(new StreamReader(new MemoryStream(lexiconYaml), System.Text.Encoding.UTF8)));

        // The header: magic, version, the four indexes (count, then key and offset per entry) and the lexicon's offset.
        var sections = new[] { literalSets, phrases, automata, files };
        var headerSize = 8 + sections.Sum(s => 4 + (12 * s.Count)) + 4;
        var image = new ImageWriter();
        image.Int(TableImage.Magic);
        image.Int(TableImage.Version);
        foreach (var section in sections)
        {
            image.Int(section.Count);
            foreach (var (key, offset) in section.OrderBy(e => e.Key).ThenBy(e => e.Offset))
            {
                image.Long(key);
                image.Int(headerSize + offset);
            }
        }

        image.Int(headerSize + lexicon);
        var header = image.ToArray();
        return [.. header, .. body.ToArray()];
    }

    private static void WritePhraseProgram(ImageWriter w, (PhraseInstruction[] Program, PhraseClass[] Classes)? compiled)
    {
        w.Bool(compiled is not null);
        if (compiled is not var (program, classes))
        {
            return;
        }

        w.Int(program.Length);
        foreach (var step in program)
        {
            w.Byte((byte)step.Op);
            w.Int(step.Value);
            w.Int(step.X);
            w.Int(step.Y);
        }

        w.Int(classes.Length);
        foreach (var c in classes)
        {
            w.String(c.Ranges);
            w.Byte((byte)((c.Space ? 1 : 0) | (c.Word ? 2 : 0) | (c.Digit ? 4 : 0) | (c.Negated ? 8 : 0)));
        }
    }

    /// <summary>The bytes of the embedded <c>InjectionLexicon.yaml</c>.</summary>
    internal static byte[] LexiconSource()
    {
        using var stream = typeof(InjectionLexicon).Assembly.GetManifestResourceStream(InjectionLexicon.ResourceName)
            ?? throw new InvalidOperationException("The embedded injection lexicon is missing.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The built-in defaults for <paramref name="profile"/>: no configuration file is read, so the image does not depend on where it is built.</summary>
    private static VanguardOptions OptionsFor(Profile profile)
    {
        var cli = new Dictionary<string, object>
        {
            ["profile"] = profile.ToString().ToLowerInvariant(),
            ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-table-image-audit.jsonl"),
        };
        var nowhere = Path.Combine(Path.GetTempPath(), "vanguard-table-image-no-config-" + Guid.NewGuid().ToString("N"));
        return ConfigurationLoader.Load(cli, new Dictionary<string, string>(), null, [], userConfigDirectory: nowhere);
    }
}
