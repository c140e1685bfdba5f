using System.Text;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Shell;

namespace McpVanguard.Fuzz.Targets;

/// <summary>The shell tokenizer and the shell and code analysers over one command line. Oracle: no exception.</summary>
internal sealed class ShellTarget : IFuzzTarget
{
    private readonly List<Finding> _findings = [];

    public string Name => "shell";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        ShellTokenizer.Parse(text);
        _findings.Clear();
        var analyzer = new ShellAnalyzer(_findings);
        analyzer.AnalyzeText(text, 0);
        analyzer.AnalyzeCode(text, 0);
        analyzer.AnalyzeArgv([.. text.Split('\0')], 0);
    }
}
