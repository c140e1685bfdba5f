using System.Text.Json;
using McpVanguard.Policy;
using Xunit;

namespace McpVanguard.Tests.Inspection.Sql;

/// <summary>
/// Issue 9, fourth pass on SQL through the engine (balanced): statements nested in a CTE or after BEGIN, and dynamic SQL
/// inside a procedural body, against migrations (a dropped column included) and everyday statements that look alike.
/// </summary>
public sealed class SqlFourthPassTests
{
    private static readonly McpVanguard.Inspection.InspectionEngine Engine = TestEngine.Create();

    private static Verdict Sql(string sql)
    {
        var json = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{{\"name\":\"execute_sql\",\"arguments\":{{\"sql\":{JsonSerializer.Serialize(sql)}}}}}}}";
        return Engine.AgentToServer.Inspect(InspectionContextFactory.FromJson(json));
    }

    [Theory]
    [InlineData("WITH gone AS (DELETE FROM users RETURNING *) SELECT count(*) FROM gone")]
    [InlineData("SELECT * FROM (UPDATE accounts SET balance = 0 RETURNING id) AS t")]
    [InlineData("DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'orders'; END $$")]
    [InlineData("DO $$ BEGIN DELETE FROM users; END $$")]
    public void Blocks_destructive_statements_wherever_they_sit(string sql)
    {
        var verdict = Sql(sql);
        Assert.True(verdict.Blocks, $"{sql}: {string.Join(',', verdict.RuleIds)}");
    }

    [Theory]
    [InlineData("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT count(*) FROM recent")]
    [InlineData("WITH moved AS (DELETE FROM queue WHERE id = 7 RETURNING *) INSERT INTO done SELECT * FROM moved")]
    [InlineData("ALTER TABLE users ADD COLUMN last_login timestamptz")]
    [InlineData("BEGIN; ALTER TABLE orders DROP COLUMN legacy_status; COMMIT;")]
    [InlineData("ALTER TABLE users DROP CONSTRAINT users_email_key")]
    [InlineData("ALTER TABLE users ALTER COLUMN name DROP NOT NULL")]
    [InlineData("ALTER TABLE users ALTER COLUMN name DROP DEFAULT")]
    [InlineData("BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1; COMMIT;")]
    [InlineData("INSERT INTO settings (key, value) VALUES ('theme', 'dark') ON CONFLICT (key) DO UPDATE SET value = excluded.value")]
    public void Passes_everyday_statements(string sql)
    {
        var verdict = Sql(sql);
        Assert.False(verdict.Blocks, $"{sql}: {string.Join(',', verdict.RuleIds)}");
    }
}
