using System.CommandLine;
using System.Text;
using McpVanguard.Audit;
using McpVanguard.Relay;
using McpVanguard.Replay;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard check [JSON]</c>: inspect one agent→server message (argument or stdin) and print the verdict and findings.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line." };
        var message = new Argument<string?>("message") { Description = "The JSON-RPC message; read from stdin when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Inspect one agent→server message and print the verdict and findings.") { message, json };
        common.AddTo(check);
        check.SetAction(async (parse, cancellationToken) =>
        {
            // The same engine as start, pins included; one message has nothing to compare with, and the pin file is not touched.
            if (EngineFactory.TryCreate(common, parse, McpVanguard.Integrity.PinStore.InMemory()) is not var (_, _, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            var text = parse.GetValue(message) ?? await Console.In.ReadToEndAsync(cancellationToken);
            var relay = new McpRelay(engine, new RelaySession("check", "default", 16, TimeSpan.FromMinutes(1)), new CollectingSink(), new CollectingSink(), NullAuditSink.Instance);
            var bytes = Encoding.UTF8.GetBytes(text.Trim());
            var outcome = bytes.Length > engine.Limits.MaxMessageBytes
                ? await relay.OversizedAsync(Protocol.Direction.AgentToServer, cancellationToken)
                : await relay.FromAgentAsync(bytes, cancellationToken);
            var verdict = outcome.Verdict;
            if (parse.GetValue(json))
            {
                var findings = verdict.Findings.Select(f => new System.Text.Json.Nodes.JsonObject
                {
                    ["rule"] = f.RuleId, ["layer"] = f.Layer, ["category"] = f.Category,
                    ["severity"] = f.Severity.ToString().ToLowerInvariant(), ["action"] = f.Action.ToString().ToLowerInvariant(), ["reason"] = f.Reason,
                });
                var node = new System.Text.Json.Nodes.JsonObject
                {
                    ["verdict"] = verdict.Label,
                    ["forwarded"] = outcome.Forwarded,
                    ["findings"] = new System.Text.Json.Nodes.JsonArray(findings.ToArray<System.Text.Json.Nodes.JsonNode?>()),
                };
                Console.WriteLine(node.ToJsonString());
            }
            else
            {
                Console.WriteLine($"verdict: {verdict.Label}{(outcome.Forwarded ? " (forwarded)" : " (not forwarded)")}");
                foreach (var f in verdict.Findings)
                {
                    Console.WriteLine($"  {f.RuleId,-10} {f.Layer,-3} {f.Category,-7} {f.Severity.ToString().ToLowerInvariant(),-8} {f.Action.ToString().ToLowerInvariant(),-6} {f.Reason}");
                }
            }

            return verdict.Blocks ? 1 : 0;
        });
        return check;
    }
}
