/**
 * Lua for stream leases: one sorted set per API key, members are lease ids, scores
 * their expiry in Redis's own clock (`TIME`), so replicas with skewed clocks agree.
 * Every take first reaps the expired leases; a rejected take adds nothing.
 */
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[1] the set; ARGV cap, lease id, ttl ms. Returns 1 when the lease was granted. */
export const TAKE_LEASE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * KEYS[1] the set; ARGV ttl ms, then lease ids. Pushes each lease's expiry out; a
 * lease lost with Redis's data (a restart) is written back, since its stream is open.
 */
export const RENEW_LEASES = `${NOW}
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;
