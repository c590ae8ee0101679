using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>
/// Developer sessions, never the member's: the pages carry the handle in their own cookie
/// (HttpOnly, SameSite=Strict, Secure and <c>__Host-</c>-prefixed behind HTTPS); the API in
/// <c>Authorization: Bearer</c> only (it never reads the cookie, which is what makes it CSRF-safe).
/// Handles are hashed at rest, expire after <see cref="DeveloperPortalOptions.SessionMinutes"/>
/// idle and <see cref="DeveloperPortalOptions.SessionMaxHours"/> at most.
/// </summary>
internal sealed class DeveloperSessions(IDbContextFactory<AuthDbContext> contexts, IOptions<DeveloperPortalOptions> options, TimeProvider time)
{
    public const string CookieName = "pa-developer";
    public const string SecureCookieName = "__Host-pa-developer";

    /// <summary>The longest handle looked up: ours are 43 characters; anything longer is not worth a query.</summary>
    private const int MaxHandleLength = 64;

    public static string CookieNameFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.IsHttps ? SecureCookieName : CookieName;
    }

    /// <summary>The session named by the page cookie, signed in or not.</summary>
    public Task<DeveloperSession?> FromCookieAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FindAsync(context.Request.Cookies[CookieNameFor(context)], cancellationToken);
    }

    /// <summary>The session named by <c>Authorization: Bearer</c>, signed in or not; cookies are ignored.</summary>
    public Task<DeveloperSession?> FromBearerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<DeveloperSession?>(null);
        }

        return FindAsync(value["Bearer ".Length..].Trim(), cancellationToken);
    }

    public async Task<DeveloperSession?> FindAsync(string? handle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > MaxHandleLength)
        {
            return null;
        }

        var hash = Secrets.Hash(handle);
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.DeveloperSessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionHash == hash && s.ExpiresAt > now && s.EndsAt > now, cancellationToken);
        if (record is null)
        {
            return null;
        }

        // Slide the idle expiry at most once a minute, so reading pages does not write on every request.
        var slid = Math.Min(now + IdleSeconds, record.EndsAt);
        if (record.DeveloperId is not null && slid - record.ExpiresAt >= 60)
        {
            record.ExpiresAt = slid;
            await db.DeveloperSessions.Where(s => s.SessionHash == hash).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, slid), cancellationToken);
        }

        return new DeveloperSession(handle, record);
    }

    /// <summary>A new session that is not signed in yet (it will carry a code); expired sessions are swept first.</summary>
    public async Task<DeveloperSession> StartAsync(CancellationToken cancellationToken)
    {
        var handle = Secrets.NewHandle();
        var now = Now;
        var record = new DeveloperSessionRecord
        {
            SessionHash = Secrets.Hash(handle),
            CreatedAt = now,
            ExpiresAt = Math.Min(now + IdleSeconds, now + MaxSeconds),
            EndsAt = now + MaxSeconds,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DeveloperSessions.Where(s => s.ExpiresAt <= now || s.EndsAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.DeveloperSessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new DeveloperSession(handle, record);
    }

    /// <summary>Stores a changed session that is not signed in (its code, tries and address).</summary>
    public async Task SaveAsync(DeveloperSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DeveloperSessions.Update(session.Record);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the code-carrying session and returns a new signed-in one with a new handle (no session fixation).</summary>
    public async Task<DeveloperSession> SignInAsync(DeveloperSession pending, string developerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var handle = Secrets.NewHandle();
        var now = Now;
        var record = new DeveloperSessionRecord
        {
            SessionHash = Secrets.Hash(handle),
            DeveloperId = developerId,
            CreatedAt = now,
            ExpiresAt = Math.Min(now + IdleSeconds, now + MaxSeconds),
            EndsAt = now + MaxSeconds,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DeveloperSessions.Where(s => s.SessionHash == pending.Record.SessionHash).ExecuteDeleteAsync(cancellationToken);
        db.DeveloperSessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new DeveloperSession(handle, record);
    }

    public async Task EndAsync(DeveloperSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DeveloperSessions.Where(s => s.SessionHash == session.Record.SessionHash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The page cookie: HttpOnly, SameSite=Strict; behind HTTPS Secure with the <c>__Host-</c> prefix (hence path /).</summary>
    public static void SetCookie(HttpContext context, string handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieNameFor(context), handle, CookieOptionsFor(context));
    }

    public static void ClearCookie(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieNameFor(context), CookieOptionsFor(context));
    }

    /// <summary>The handle's hash, to bind other short-lived values (a secret being shown once) to this session.</summary>
    public static string HashOf(DeveloperSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Record.SessionHash;
    }

    private static CookieOptions CookieOptionsFor(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = context.Request.IsHttps ? "/" : "/developer",
        IsEssential = true,
    };

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    private long IdleSeconds => options.Value.SessionMinutes * 60L;

    private long MaxSeconds => options.Value.SessionMaxHours * 3600L;

    /// <summary>For the API's 401: RFC 6750 §3.</summary>
    public static void Challenge(HttpContext context, string error)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"developer\", error=\"{error}\"";
    }
}
