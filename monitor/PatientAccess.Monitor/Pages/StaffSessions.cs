using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;

namespace PatientAccess.Monitor.Pages;

/// <summary>
/// A staff browser session on the review pages: a random 256-bit handle in an HttpOnly,
/// SameSite=Strict cookie scoped to <c>/reviews</c> (Secure and <c>__Host-</c> behind HTTPS); Redis
/// keeps only the handle's SHA-256 with the actor, expiring after
/// <see cref="ReviewPagesOptions.SessionMinutes"/>, so every monitor process knows the session and a
/// leaked Redis dump holds no usable handle. Sign-out deletes it at once.
/// </summary>
internal sealed class StaffSessions(RedisConnection redis, IOptions<ReviewPagesOptions> options)
{
    public const string CookieName = "pa-monitor-staff";
    public const string SecureCookieName = "__Host-pa-monitor-staff";
    public const string KeyPrefix = "patientaccess:monitor:staff-session:";
    private const int HandleLength = 43;

    /// <summary>The signed-in actor (<c>staff:</c> and the key's fingerprint), or null.</summary>
    public async Task<string?> FindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = context.Request.Cookies[Name(context)];
        if (handle is not { Length: HandleLength })
        {
            return null;
        }

        var actor = await redis.Database.StringGetAsync(Key(handle));
        return actor.HasValue ? actor.ToString() : null;
    }

    public async Task StartAsync(HttpContext context, string actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var lifetime = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        await redis.Database.StringSetAsync(Key(handle), actor, lifetime);
        context.Response.Cookies.Append(Name(context), handle, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = context.Request.IsHttps ? "/" : "/reviews",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    public async Task EndAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[Name(context)] is { Length: HandleLength } handle)
        {
            await redis.Database.KeyDeleteAsync(Key(handle));
        }

        context.Response.Cookies.Delete(Name(context), new CookieOptions { Path = context.Request.IsHttps ? "/" : "/reviews", Secure = context.Request.IsHttps });
    }

    /// <summary>The Redis key of a handle: its SHA-256, never the handle itself.</summary>
    public static string Key(string handle) => KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));

    private static string Name(HttpContext context) => context.Request.IsHttps ? SecureCookieName : CookieName;
}
