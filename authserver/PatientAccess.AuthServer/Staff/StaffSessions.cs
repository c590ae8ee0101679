using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// The staff browser session set by signing in with the key. The cookie is HttpOnly and
/// SameSite=Strict (staff pages are never reached by a cross-site navigation that needs it),
/// <c>__Host-</c>-prefixed and Secure behind HTTPS, scoped to <c>/staff</c> on plain HTTP. The
/// table keeps only the handle's hash; the session ends at <c>Staff:SessionMinutes</c> after
/// sign-in or at sign-out, whichever comes first.
/// </summary>
internal sealed class StaffSessions(IDbContextFactory<AuthDbContext> contexts, IOptions<StaffOptions> options, TimeProvider time)
{
    public const string CookieName = "pa-staff";
    public const string SecureCookieName = "__Host-pa-staff";

    public async Task<StaffActor?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = context.Request.Cookies[Name(context)];
        if (string.IsNullOrEmpty(handle) || handle.Length > 64)
        {
            return null;
        }

        var hash = Secrets.Hash(handle);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffSessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionHash == hash && s.ExpiresAt > now, cancellationToken);
        return record is null ? null : new StaffActor(record.Actor);
    }

    public async Task StartAsync(HttpContext context, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        var handle = Secrets.NewHandle();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var lifetime = options.Value.SessionMinutes * 60L;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.StaffSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            db.StaffSessions.Add(new StaffSessionRecord { SessionHash = Secrets.Hash(handle), Actor = actor.Id, CreatedAt = now, ExpiresAt = now + lifetime });
            await db.SaveChangesAsync(cancellationToken);
        }

        context.Response.Cookies.Append(Name(context), handle, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = context.Request.IsHttps ? "/" : "/staff",
            MaxAge = TimeSpan.FromSeconds(lifetime),
            IsEssential = true,
        });
    }

    public async Task EndAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handle = context.Request.Cookies[Name(context)];
        if (!string.IsNullOrEmpty(handle) && handle.Length <= 64)
        {
            var hash = Secrets.Hash(handle);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.StaffSessions.Where(s => s.SessionHash == hash).ExecuteDeleteAsync(cancellationToken);
        }

        context.Response.Cookies.Delete(Name(context), new CookieOptions { Path = context.Request.IsHttps ? "/" : "/staff", Secure = context.Request.IsHttps });
    }

    private static string Name(HttpContext context) => context.Request.IsHttps ? SecureCookieName : CookieName;
}
