namespace McpVanguard.Gateway.State;

/// <summary>
/// The Lua scripts of <see cref="RedisSharedState"/>: each update is one script, so it is atomic on Redis and one round
/// trip. Every script sets an expiry on what it writes. Buckets and leases read Redis's own clock (<c>TIME</c>), so that
/// instances with skewed clocks still agree; L3 windows carry each step's time from the instance that saw it.
/// </summary>
internal static class RedisScripts
{
    /// <summary>KEYS[1] window; ARGV now, score, member, retention ms, max events → the live window, oldest first.</summary>
    public const string Append = """
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (tonumber(ARGV[1]) - tonumber(ARGV[4])))
        redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[5]) + 1))
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return redis.call('ZRANGE', KEYS[1], 0, -1)
        """;

    /// <summary>KEYS[1] budget; ARGV now, amount, half-life ms, expiry ms → the sum now, decayed then added to.</summary>
    public const string AddDecaying = """
        local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
        local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
        local now = tonumber(ARGV[1])
        if at ~= 0 and now > at then v = v * math.pow(0.5, (now - at) / tonumber(ARGV[3])) end
        v = v + tonumber(ARGV[2])
        if now > at then at = now end
        redis.call('HSET', KEYS[1], 'v', string.format('%.17g', v), 'at', string.format('%d', at))
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return string.format('%.17g', v)
        """;

    /// <summary>KEYS[1] bucket; ARGV burst, refill period ms → 0 when a token was taken, else ms until one is there.</summary>
    public const string TakeToken = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local burst = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local tokens = tonumber(redis.call('HGET', KEYS[1], 't') or ARGV[1])
        local at = tonumber(redis.call('HGET', KEYS[1], 'at') or now)
        if now > at then tokens = math.min(burst, tokens + (now - at) / period) else now = at end
        local wait = 0
        if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * period) end
        redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'at', string.format('%d', now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * period) + 1000)
        return wait
        """;

    /// <summary>KEYS[1] lease set; ARGV member, max (0: none), lease ms → 1 when held (or renewed), 0 when the set is full.</summary>
    public const string Lease = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
          local max = tonumber(ARGV[2])
          if max > 0 and redis.call('ZCARD', KEYS[1]) >= max then return 0 end
        end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        return 1
        """;

    /// <summary>KEYS[1] entries, KEYS[2] versions; ARGV identity, known version → {} when absent, {version} when unchanged, else {version, entry}.</summary>
    public const string PinRead = """
        local v = redis.call('HGET', KEYS[2], ARGV[1])
        if not v then return {} end
        if v == ARGV[2] then return {v} end
        local e = redis.call('HGET', KEYS[1], ARGV[1])
        if not e then return {} end
        return {v, e}
        """;

    /// <summary>
    /// KEYS[1] entries, KEYS[2] versions; ARGV identity, expected version ('' when absent), new version, entry, expiry ms,
    /// max entries, channel → {1, version} when written (and announced), {0[, version, entry]} when another write came
    /// first (the entry as it is now), {-1} when the ledger is full. Both hashes expire together, refreshed by every write.
    /// </summary>
    public const string PinWrite = """
        local cur = redis.call('HGET', KEYS[2], ARGV[1])
        if not cur or redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then cur = '' end
        if cur ~= ARGV[2] then
          if cur == '' then return {0} end
          return {0, cur, redis.call('HGET', KEYS[1], ARGV[1])}
        end
        if cur == '' and redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[6]) then return {-1} end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        redis.call('PUBLISH', ARGV[7], ARGV[1])
        return {1, ARGV[3]}
        """;
}
