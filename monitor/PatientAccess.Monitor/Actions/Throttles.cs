using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Actions;

/// <summary>
/// Contract 2: the hash <c>patientaccess:throttle:{client_id}</c> with <c>per_second</c> and
/// <c>burst</c>, expiring (PEXPIRE) when the throttle ends; every gateway replica obeys it while it exists.
/// </summary>
internal sealed class Throttles(RedisConnection redis, IOptions<ThrottleOptions> options)
{
    public const string Prefix = "patientaccess:throttle:";

    private readonly ThrottleOptions _options = options.Value;

    public static RedisKey Key(string clientId) => Prefix + clientId;

    /// <summary>Sets the throttle for <paramref name="duration"/>, in one MULTI so no gateway sees a hash without its expiry.</summary>
    public async Task SetAsync(string clientId, TimeSpan duration)
    {
        var transaction = redis.Database.CreateTransaction();
        var key = Key(clientId);
        _ = transaction.KeyDeleteAsync(key);
        _ = transaction.HashSetAsync(key,
        [
            new HashEntry("per_second", _options.PerSecond.ToString(CultureInfo.InvariantCulture)),
            new HashEntry("burst", _options.Burst.ToString(CultureInfo.InvariantCulture)),
        ]);
        _ = transaction.KeyExpireAsync(key, duration);
        await transaction.ExecuteAsync();
    }

    /// <summary>Lifts the throttle (staff reinstated the app).</summary>
    public Task RemoveAsync(string clientId) => redis.Database.KeyDeleteAsync(Key(clientId));
}
