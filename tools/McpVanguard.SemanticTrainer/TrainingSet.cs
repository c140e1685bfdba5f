using System.Security.Cryptography;
using System.Text;

namespace McpVanguard.SemanticTrainer;

/// <summary>
/// Everything the head learns from and is judged on: the project's written data and its corpus, deduplicated, with
/// a held-out split (a fifth of the groups, by a hash of the group, so it never changes when data is added elsewhere).
/// </summary>
internal sealed record TrainingSet(List<LabelledText> Train, List<LabelledText> HeldOut, List<LabelledText> CorpusHoldout)
{
    public const int HeldOutPercent = 20;

    public static TrainingSet Load(string repo)
    {
        var written = Directory.GetFiles(Path.Combine(repo, "semantic", "data"), "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(LabelledTextFile.Read)
            .ToList();
        var corpus = Path.Combine(repo, "corpus");
        var benign = CorpusTextExtractor.ReadBenign(corpus);
        var benignTexts = benign.Select(b => b.Text).ToHashSet(StringComparer.Ordinal);
        var attacks = CorpusTextExtractor.ReadAttacks(corpus, benignTexts);

        var all = Deduplicate(written.Concat(benign).Concat(attacks));
        var heldOut = all.Where(t => Bucket(t.Group, 0) < HeldOutPercent).ToList();
        var train = all.Where(t => Bucket(t.Group, 0) >= HeldOutPercent).ToList();

        var holdoutBenign = CorpusTextExtractor.ReadBenign(corpus, holdout: true);
        var holdoutAttacks = CorpusTextExtractor.ReadAttacks(corpus, benignTexts.Concat(holdoutBenign.Select(b => b.Text)).ToHashSet(StringComparer.Ordinal), holdout: true);
        return new TrainingSet(train, heldOut, Deduplicate(holdoutBenign.Concat(holdoutAttacks)));
    }

    /// <summary>A stable number 0–99 for a group; <paramref name="salt"/> gives independent draws (splits, folds).</summary>
    public static int Bucket(string group, int salt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{group}"));
        return (int)(BitConverter.ToUInt32(hash, 0) % 100);
    }

    /// <summary>One copy of each text; a text labelled both ways is dropped (the corpus reuses honest tools in attacks).</summary>
    private static List<LabelledText> Deduplicate(IEnumerable<LabelledText> texts)
    {
        var byText = texts.GroupBy(t => t.Text, StringComparer.Ordinal);
        return byText.Where(g => g.Select(t => t.Label).Distinct().Count() == 1).Select(g => g.First()).ToList();
    }
}
