using System.Diagnostics.CodeAnalysis;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// The environment the <c>auth:</c> reader sees when only the section's structure is checked: every variable a
/// <c>key_env</c> or <c>secret_env</c> names exists, with a placeholder long enough for every length rule, except
/// <c>VANGUARD_API_KEY</c> and <c>VANGUARD_ADMIN_KEY</c>, which do not (they would turn on a key nobody set).
/// </summary>
internal sealed class StructureOnlyEnvironment : IReadOnlyDictionary<string, string>
{
    private const string Placeholder = "structure-check-placeholder-value-0123456789abcdef";

    public static StructureOnlyEnvironment Instance { get; } = new();

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => [];

    public IEnumerable<string> Values => [];

    public int Count => 0;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = key is Gateway.Auth.GatewayAuthOptionsReader.ApiKeyVariable or Gateway.Auth.GatewayAuthOptionsReader.AdminKeyVariable ? null : Placeholder;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
