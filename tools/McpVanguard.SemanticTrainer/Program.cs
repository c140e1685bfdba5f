using McpVanguard.SemanticTrainer;

// The embedded head's trainer and bench: `train` rebuilds src/McpVanguard.Semantic.Embedded/Head/minilm-head.json
// from semantic/data and corpus/; `bench` measures load time, memory and per-text latency; `extract DIR` writes the model as plain files; `score TEXT` rates one text.
var verb = args.Length > 0 ? args[0] : "help";
var repo = RepositoryRoot.Find();
switch (verb)
{
    case "train":
        return HeadTrainer.Run(repo, args.Skip(1).ToArray());
    case "bench":
        return ScorerBench.Run(repo, args.Skip(1).ToArray());
    case "extract" when args.Length > 1:
        (McpVanguard.Inspection.Semantic.Embedded.MiniLmModelFiles.Find(null, out var missing) ?? throw new InvalidOperationException(missing)).ExtractTo(args[1]);
        Console.WriteLine($"wrote model.onnx and vocab.txt to {args[1]}");
        return 0;
    case "score" when args.Length > 1:
        return ScorerBench.ScoreOne(string.Join(' ', args.Skip(1)));
    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/McpVanguard.SemanticTrainer -c Release -- train | bench [--count N] [--model-directory DIR] | extract DIR | score TEXT");
        return 2;
}
