using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>Remembers each member's language (<see cref="MemberLanguageRecord"/>); English for a member never seen on the pages.</summary>
internal sealed class MemberLanguages(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public async Task RememberAsync(string accountId, string language, CancellationToken cancellationToken)
    {
        if (!MemberText.Languages.Contains(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "not a site language");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MemberLanguages.Where(l => l.AccountId == accountId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Language, language).SetProperty(l => l.UpdatedAt, now), cancellationToken) == 1)
        {
            return;
        }

        db.MemberLanguages.Add(new MemberLanguageRecord { AccountId = accountId, Language = language, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member approving in two tabs at once: either language is theirs.
        }
    }
}
