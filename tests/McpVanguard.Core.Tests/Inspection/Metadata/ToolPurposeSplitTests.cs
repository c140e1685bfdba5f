using System.Text;
using System.Text.RegularExpressions;
using McpVanguard.Inspection.Metadata;

namespace McpVanguard.Tests.Inspection.Metadata;

/// <summary>
/// The conversation-work words, split into the ASCII words (a phrase program) and the words in other scripts (a regex
/// asked only of text beyond ASCII), say what the single pattern they replace said, on every shipped text and on texts
/// made of the words themselves in every case.
/// </summary>
public sealed class ToolPurposeSplitTests
{
    // The pattern as it was before the split (issue 8, perf8c): the reference the split is checked against.
    private const string Before =
        @"(\b(chat|chats|conversation\w*|message|messages|messaging|history|memory|memories|remember|recall|summar\w*|transcript\w*|dialog\w*|llm|llms|completion\w*|prompt|prompts|assistant|agent|context|thread|threads|session|note|notes|journal|feedback|support|ticket|inbox|sms|slack|discord|email|mail)\b|会話|对话|對話|聊天|履歴|记忆|記憶|Gespräch|Verlauf|conversación|historial|conversation|histórico|cronologia|история|диалог|대화)";

    [Fact]
    public void The_split_pattern_answers_as_the_single_one_did()
    {
        var before = new Regex(Before, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var wrong = new List<string>();
        var matched = 0;
        foreach (var text in PrefilteredRegexTests.Texts.Value.Concat(Words()))
        {
            var expected = before.IsMatch(text) || before.IsMatch(ToolPurposeWords(text));
            matched += expected ? 1 : 0;
            if (ToolPurpose.HandlesConversation(text) != expected)
            {
                wrong.Add(text.Length > 100 ? text[..100] : text);
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Take(20)));
        Assert.True(matched >= 200, $"only {matched} texts matched");
    }

    /// <summary>What <see cref="ToolPurpose"/> also reads: identifiers split into words (through its public answer on the split text).</summary>
    private static string ToolPurposeWords(string text)
        => (string)typeof(ToolPurpose).GetMethod("Words", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, [text])!;

    private static IEnumerable<string> Words()
    {
        string[] words = ["会話", "对话", "聊天", "記憶", "Gespräch", "GESPRÄCH", "Verlauf", "conversación", "CONVERSACIÓN", "historial", "histórico", "HISTÓRICO", "cronologia", "история", "ИСТОРИЯ", "Диалог", "대화", "chat", "Chats", "conversationLog", "send_message", "mail", "KELVIN\u212A", "note", "xnote", "gespräche"];
        string[] separators = [" ", "_", "", ".", "-", "é", "\n"];
        var random = new Random(8);
        for (var i = 0; i < 500; i++)
        {
            var sb = new StringBuilder();
            for (var t = random.Next(1, 5); t > 0; t--)
            {
                sb.Append(words[random.Next(words.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            yield return sb.ToString();
        }
    }
}
