using System.Globalization;

namespace McpVanguard.Configuration;

/// <summary>Binds and validates the <c>semantic.*</c> keys; every bad value is reported with its source (file:line, env:…).</summary>
internal static class SemanticSectionReader
{
    public static SemanticSettings Bind(
        Dictionary<string, (object Value, string Source)> values,
        Func<string, string> text,
        Func<string, string> source,
        Func<string, int, int, int> number,
        Func<string, bool> flag,
        ConfigurationErrors errors)
    {
        string? Optional(string key) => text(key) is { Length: > 0 } v ? v : null;

        var provider = text(ConfigurationKeys.SemanticProvider).ToLowerInvariant();
        if (!SemanticSettings.ProviderNames.Contains(provider))
        {
            errors.Add($"{source(ConfigurationKeys.SemanticProvider)}: key '{ConfigurationKeys.SemanticProvider}' has unknown value '{text(ConfigurationKeys.SemanticProvider)}' (expected {string.Join(", ", SemanticSettings.ProviderNames)}).");
        }

        var scopeText = text(ConfigurationKeys.SemanticScope).ToLowerInvariant();
        var scope = scopeText switch
        {
            "uncertain" => SemanticScope.Uncertain,
            "all" => SemanticScope.All,
            "cued" => SemanticScope.Cued,
            _ => Invalid(),
        };

        SemanticScope Invalid()
        {
            errors.Add($"{source(ConfigurationKeys.SemanticScope)}: key '{ConfigurationKeys.SemanticScope}' has unknown value '{text(ConfigurationKeys.SemanticScope)}' (expected uncertain, cued or all).");
            return SemanticScope.Uncertain;
        }

        // auto: each scorer's own calibrated point (the embedded head's, 0.7 for an LLM judge); scores are not comparable across scorers.
        var thresholdText = text(ConfigurationKeys.SemanticThreshold);
        double? threshold = null;
        if (!thresholdText.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(thresholdText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value is <= 0 or > 1)
            {
                errors.Add($"{source(ConfigurationKeys.SemanticThreshold)}: key '{ConfigurationKeys.SemanticThreshold}' must be auto or a number above 0 and at most 1, got '{thresholdText}'.");
                value = 1;
            }

            threshold = value;
        }

        var always = values.TryGetValue(ConfigurationKeys.SemanticAlways, out var a) ? (List<string>)a.Value : [];
        foreach (var name in always.Where(n => n.Trim().Length == 0))
        {
            errors.Add($"{source(ConfigurationKeys.SemanticAlways)}: '{ConfigurationKeys.SemanticAlways}' holds an empty name.");
        }

        var settings = new SemanticSettings
        {
            Enabled = flag(ConfigurationKeys.SemanticEnabled),
            Provider = provider,
            ProviderSource = source(ConfigurationKeys.SemanticProvider),
            Scope = scope,
            Threshold = threshold,

            // 50 ms is below any remote round trip; two minutes is past any useful wait for one message.
            Timeout = TimeSpan.FromMilliseconds(number(ConfigurationKeys.SemanticTimeoutMs, 50, 120_000)),

            // At least a second (no model loads faster on a busy machine); ten minutes is past any useful wait at start-up.
            LoadTimeout = TimeSpan.FromMilliseconds(number(ConfigurationKeys.SemanticLoadTimeoutMs, 1_000, 600_000)),
            CacheSize = number(ConfigurationKeys.SemanticCacheSize, 0, 1_000_000),
            CacheTtl = TimeSpan.FromSeconds(number(ConfigurationKeys.SemanticCacheTtlSeconds, 1, 7 * 86_400)),
            MaxChars = number(ConfigurationKeys.SemanticMaxChars, 256, 100_000),
            Always = [.. always.Select(n => n.Trim())],
            Model = Optional(ConfigurationKeys.SemanticModel),
            CustomUrl = Optional(ConfigurationKeys.SemanticCustomUrl),
            CustomKey = Optional(ConfigurationKeys.SemanticCustomKey),
            CustomModel = Optional(ConfigurationKeys.SemanticCustomModel),
            OpenAiKey = Optional(ConfigurationKeys.SemanticOpenAiKey),
            OllamaUrl = Optional(ConfigurationKeys.SemanticOllamaUrl),
        };

        CheckUrl(settings.CustomUrl, ConfigurationKeys.SemanticCustomUrl, source, errors);
        CheckUrl(settings.OllamaUrl, ConfigurationKeys.SemanticOllamaUrl, source, errors);
        if (settings.CustomUrl is not null && settings.CustomModel is null && settings.Model is null)
        {
            errors.Add($"{source(ConfigurationKeys.SemanticCustomUrl)}: a custom semantic provider needs a model: set '{ConfigurationKeys.SemanticCustomModel}' (VANGUARD_SEMANTIC_CUSTOM_MODEL).");
        }

        // A provider named explicitly must be configured: a silent fall-back to another provider (or to none) is what
        // start-up validation exists to prevent.
        var missing = provider switch
        {
            "custom" when settings.CustomUrl is null => $"'{ConfigurationKeys.SemanticCustomUrl}' (VANGUARD_SEMANTIC_CUSTOM_URL)",
            "openai" when settings.OpenAiKey is null => $"'{ConfigurationKeys.SemanticOpenAiKey}' (VANGUARD_OPENAI_API_KEY)",
            "ollama" when settings.OllamaUrl is null => $"'{ConfigurationKeys.SemanticOllamaUrl}' (VANGUARD_OLLAMA_URL)",
            _ => null,
        };
        if (missing is not null)
        {
            errors.Add($"{source(ConfigurationKeys.SemanticProvider)}: semantic provider '{provider}' is selected but {missing} is not set.");
        }

        return settings;
    }

    private static void CheckUrl(string? url, string key, Func<string, string> source, ConfigurationErrors errors)
    {
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            // The value may carry a token in its query or user info, so only its masked form is printed.
            errors.Add($"{source(key)}: key '{key}' must be an http or https URL, got '{SecretMask.Url(url)}'.");
        }
    }
}
