using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// The member's browser session. The cookie is HttpOnly, SameSite=Lax (so a member returning
/// from an app's authorize redirect, a cross-site navigation, is still recognised; every form is
/// also antiforgery-protected), Secure and <c>__Host-</c>-prefixed behind HTTPS, scoped to /member.
/// </summary>
internal sealed class MemberSessions(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> options, TimeProvider time)
{
    public const string CookieName = "pa-member";
    public const string SecureCookieName = "__Host-pa-member";

    public async Task<MemberSession?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = context.Request.Cookies[context.Request.IsHttps ? SecureCookieName : CookieName];
        if (string.IsNullOrEmpty(handle) || handle.Length > 64)
        {
            return null;
        }

        var hash = Secrets.Hash(handle);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.MemberSessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionHash == hash && s.ExpiresAt > now, cancellationToken);
        return record is null ? null : new MemberSession(handle, record);
    }

    /// <summary>The current session, or a new empty one with its cookie set.</summary>
    public async Task<MemberSession> FindOrStartAsync(HttpContext context, CancellationToken cancellationToken) =>
        await FindAsync(context, cancellationToken) ?? await StartAsync(context, cancellationToken);

    public async Task<MemberSession> StartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = Secrets.NewHandle();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var record = new MemberSessionRecord { SessionHash = Secrets.Hash(handle), CreatedAt = now, ExpiresAt = now + Lifetime };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.MemberSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            db.MemberSessions.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        context.Response.Cookies.Append(context.Request.IsHttps ? SecureCookieName : CookieName, handle, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = context.Request.IsHttps ? "/" : "/member",
            IsEssential = true,
        });
        return new MemberSession(handle, record);
    }

    /// <summary>Stores the changed record and slides its expiry.</summary>
    public async Task SaveAsync(MemberSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Record.ExpiresAt = time.GetUtcNow().ToUnixTimeSeconds() + Lifetime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MemberSessions.Update(session.Record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndAsync(HttpContext context, MemberSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberSessions.Where(s => s.SessionHash == session.Record.SessionHash).ExecuteDeleteAsync(cancellationToken);
        context.Response.Cookies.Delete(context.Request.IsHttps ? SecureCookieName : CookieName, new CookieOptions { Path = context.Request.IsHttps ? "/" : "/member" });
    }

    private long Lifetime => options.Value.SessionMinutes * 60L;
}
