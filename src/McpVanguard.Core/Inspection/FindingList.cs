namespace McpVanguard.Inspection;

/// <summary>Adds findings so that each rule is reported at most once per message, however many strings match it.</summary>
public static class FindingList
{
    public static void AddOnce(this List<Finding> findings, Finding finding)
    {
        foreach (var f in findings)
        {
            if (f.RuleId == finding.RuleId)
            {
                return;
            }
        }

        findings.Add(finding);
    }
}
