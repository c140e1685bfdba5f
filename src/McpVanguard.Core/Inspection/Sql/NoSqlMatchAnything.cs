using System.Collections.Frozen;
using System.Text.Json;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// A MongoDB-style operator object that matches whatever value a field holds (<c>{"$ne": null}</c>, <c>{"$gt": ""}</c>,
/// <c>{"$regex": ".*"}</c>, <c>{"$nin": []}</c>, <c>{"$exists": true}</c>), on a field that holds a secret. Everyday filters compare
/// dates, roles and e-mail domains; no application looks a password, token or one-time code up by "any value", while a login
/// that splices the client's object into its query lets that object through.
/// </summary>
internal static class NoSqlMatchAnything
{
    /// <summary>Field names (compared whole, ignoring case) that hold a secret a query should only ever compare for equality.</summary>
    private static readonly FrozenSet<string> SecretFields = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "password", "passwd", "pass", "pwd", "passcode", "passphrase", "password_hash", "passwordhash", "hashed_password", "hashedpassword", "secret",
        "client_secret", "clientsecret", "token", "access_token", "accesstoken", "refresh_token", "refreshtoken", "api_token", "apitoken", "api_key",
        "apikey", "session_token", "sessiontoken", "reset_token", "resettoken", "otp", "otp_code", "totp", "pin", "mfa_code", "verification_code",
        "private_key", "secret_key");

    public static bool IsSecretField(string name) => name.Length is > 1 and < 32 && SecretFields.Contains(name);

    /// <summary>True when every member of <paramref name="operators"/> is an operator that lets any value of the field through.</summary>
    public static bool Matches(JsonElement operators)
    {
        var any = false;
        foreach (var p in operators.EnumerateObject())
        {
            var v = p.Value;
            var anything = p.Name switch
            {
                "$ne" or "$nin" or "$not" => true,
                "$gt" or "$gte" => v.ValueKind is JsonValueKind.Null || v.ValueKind == JsonValueKind.String && v.GetString()!.Length <= 1,
                "$exists" => v.ValueKind == JsonValueKind.True,
                "$regex" => v.ValueKind == JsonValueKind.String && IsAnyText(v.GetString()!),
                "$options" => true,
                _ => false,
            };
            if (!anything)
            {
                return false;
            }

            any |= p.Name != "$options";
        }

        return any;
    }

    /// <summary>A pattern that every string matches: empty, <c>^</c>, <c>.*</c>, <c>^.+$</c>, <c>[\s\S]*</c>.</summary>
    private static bool IsAnyText(string pattern)
    {
        var p = pattern.AsSpan().Trim('^').TrimEnd('$');
        if (p.Length > 12)
        {
            return false;
        }

        p = p.ToString().Replace("[\\s\\S]", ".", StringComparison.Ordinal).Replace("[^]", ".", StringComparison.Ordinal).AsSpan();
        foreach (var c in p)
        {
            if (c is not ('.' or '*' or '+' or '?'))
            {
                return false;
            }
        }

        return true;
    }
}
