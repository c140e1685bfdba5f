using System.Text;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Sql;

namespace McpVanguard.Fuzz.Targets;

/// <summary>The SQL tokenizer and the statement and fragment judges. Oracle: no exception; tokens lie inside the text.</summary>
internal sealed class SqlTarget : IFuzzTarget
{
    private readonly List<SqlToken> _tokens = [];
    private readonly List<Finding> _findings = [];
    private readonly SqlStatementJudge _statements = new();
    private readonly SqlFragmentJudge _fragments = new();

    public string Name => "sql";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        _tokens.Clear();
        SqlTokenizer.Tokenize(text, _tokens);
        foreach (var t in _tokens)
        {
            if (t.Start < 0 || t.Length < 0 || t.Start + t.Length > text.Length || t.ContentStart < t.Start || t.ContentLength < 0
                || t.ContentStart + t.ContentLength > t.Start + t.Length)
            {
                throw new InvariantBrokenException($"Token {t} lies outside the text or its own span (text length {text.Length}).");
            }
        }

        _findings.Clear();
        _statements.StatementField = input.Length % 2 == 0;
        _statements.Judge(text, commandLine: false, _findings);
        _statements.Judge(text, commandLine: true, _findings);
        _fragments.Judge(text, scalar: true, _findings);
        _fragments.Judge(text, scalar: false, _findings);
    }
}
