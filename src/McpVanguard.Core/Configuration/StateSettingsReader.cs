using McpVanguard.State;

namespace McpVanguard.Configuration;

/// <summary>
/// Binds <c>state.redis</c>, <c>state.key_prefix</c>, <c>state.timeout_ms</c> and <c>state.password</c> at load; every
/// bad value is an error naming where it came from. Errors never echo a password: a bad URL is shown masked.
/// </summary>
internal static class StateSettingsReader
{
    public static StateSettings Bind(Func<string, string> text, Func<string, string> source, Func<string, int, int, int> number, ConfigurationErrors errors)
    {
        var prefix = text(ConfigurationKeys.StateKeyPrefix);
        if (prefix.Length is 0 or > 64 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{source(ConfigurationKeys.StateKeyPrefix)}: key '{ConfigurationKeys.StateKeyPrefix}' must be 1-64 letters, digits, '-', '_' or '.', got '{prefix}'.");
        }

        var timeout = TimeSpan.FromMilliseconds(number(ConfigurationKeys.StateTimeoutMs, 10, 10_000));
        var url = text(ConfigurationKeys.StateRedis);
        var password = text(ConfigurationKeys.StatePassword);
        RedisAddress? redis = null;
        if (url.Length > 0)
        {
            redis = RedisAddress.TryParse(url, out var error);
            if (redis is null)
            {
                errors.Add($"{source(ConfigurationKeys.StateRedis)}: key '{ConfigurationKeys.StateRedis}' {error}, got '{SecretMask.Url(url)}'.");
            }
            else if (password.Length > 0)
            {
                redis = redis.Password is null
                    ? redis with { Password = password }
                    : null;
                if (redis is null)
                {
                    errors.Add($"{source(ConfigurationKeys.StatePassword)}: give the Redis password either in '{ConfigurationKeys.StateRedis}' or in '{ConfigurationKeys.StatePassword}', not both.");
                }
            }
        }
        else if (password.Length > 0)
        {
            errors.Add($"{source(ConfigurationKeys.StatePassword)}: key '{ConfigurationKeys.StatePassword}' is set but '{ConfigurationKeys.StateRedis}' is not.");
        }

        return new StateSettings { Redis = redis, KeyPrefix = prefix, Timeout = timeout };
    }
}
