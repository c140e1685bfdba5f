using System.Text;
using McpVanguard.Inspection.Network;

namespace McpVanguard.Fuzz.Targets;

/// <summary>The URL and host classifier behind the SSRF checks. Oracle: no exception.</summary>
internal sealed class UrlTarget : IFuzzTarget
{
    public string Name => "url";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        UrlClassifier.Classify(text);
        UrlClassifier.Classify(text, commandLine: true);
        UrlClassifier.ClassifyHost(text);
    }
}
