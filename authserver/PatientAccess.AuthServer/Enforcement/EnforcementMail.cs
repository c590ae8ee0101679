using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// The two mail steps of a suspension or revocation, through the authserver's one mail sender
/// (the outbox folder, or SMTP when configured). Each recipient gets at most one message per
/// action: a row in <c>enforcement_mails</c> is written after each send and checked before it.
/// </summary>
internal sealed class EnforcementMail(IDbContextFactory<AuthDbContext> contexts, IMailSender mail, IOptions<EnforcementOptions> options, TimeProvider time)
{
    /// <summary>
    /// Every member who ever authorized the app, once, in their language (default English). Count =
    /// e-mails sent for this action. Revoked grants count too: the reuse defence revokes the grant
    /// of exactly the member whose code or refresh token was stolen, who most needs to hear of it,
    /// and a member who disconnected the app still had their data go to it.
    /// </summary>
    public async Task<StepResult> MembersAsync(EnforcementActionRecord action, ClientRecord client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(client);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.Grants.AsNoTracking()
            .Where(g => g.ClientId == action.ClientId)
            .Select(g => g.MemberAccountId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var accounts = await db.MemberAccounts.AsNoTracking().Where(a => members.Contains(a.AccountId))
            .Select(a => new { a.AccountId, a.Email }).ToDictionaryAsync(a => a.AccountId, a => a.Email, cancellationToken);
        var languages = await db.MemberLanguages.AsNoTracking().Where(l => members.Contains(l.AccountId))
            .ToDictionaryAsync(l => l.AccountId, l => l.Language, cancellationToken);
        var kind = action.Action == EnforcementSteps.Revoke ? "revoke" : "suspend";
        var skipped = 0;
        var failed = false;
        foreach (var member in members.Order(StringComparer.Ordinal))
        {
            if (!accounts.TryGetValue(member, out var email) || string.IsNullOrWhiteSpace(email))
            {
                skipped++;
                continue;
            }

            var t = MemberText.For(languages.GetValueOrDefault(member) ?? MemberText.English);
            var message = new OutgoingMail(email, t.Format($"enforcement.member.{kind}.subject", client.Name), t.Format($"enforcement.member.{kind}.body", client.Name), t.Language);
            failed |= !await SendOnceAsync(action.ActionId, "member:" + member, message, cancellationToken);
        }

        return new StepResult(failed ? EnforcementSteps.Failed : EnforcementSteps.Done, await SentAsync(action.ActionId, "member:", cancellationToken), skipped);
    }

    /// <summary>Each of <c>Enforcement:PlanContacts</c>, once, with the evidence; skipped when none is configured.</summary>
    public async Task<StepResult> ContactsAsync(EnforcementActionRecord action, ClientRecord client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(client);
        var contacts = options.Value.PlanContacts;
        if (contacts.Count == 0)
        {
            return new StepResult(EnforcementSteps.Skipped, 0, null);
        }

        var t = MemberText.For(MemberText.English);
        var subject = t.Format("enforcement.contact.subject", action.Action, client.Name, client.ClientId);
        var body = t.Format(
            "enforcement.contact.body",
            action.Action,
            client.Name,
            client.ClientId,
            action.Actor,
            action.Reason,
            action.Detector ?? "-",
            action.ActionId,
            DateTimeOffset.FromUnixTimeSeconds(action.CreatedAt).ToString("O", CultureInfo.InvariantCulture),
            action.Evidence.Length == 0 ? "-" : action.Evidence);
        var failed = false;
        foreach (var contact in contacts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            failed |= !await SendOnceAsync(action.ActionId, "contact:" + contact.ToLowerInvariant(), new OutgoingMail(contact, subject, body, t.Language), cancellationToken);
        }

        return new StepResult(failed ? EnforcementSteps.Failed : EnforcementSteps.Done, await SentAsync(action.ActionId, "contact:", cancellationToken), null);
    }

    private async Task<bool> SendOnceAsync(string actionId, string recipient, OutgoingMail message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.EnforcementMails.AnyAsync(m => m.ActionId == actionId && m.Recipient == recipient, cancellationToken))
        {
            return true;
        }

        if (!await mail.SendAsync(message, cancellationToken))
        {
            return false;
        }

        db.EnforcementMails.Add(new EnforcementMailRecord { ActionId = actionId, Recipient = recipient, SentAt = time.GetUtcNow().ToUnixTimeSeconds() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<int> SentAsync(string actionId, string prefix, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipients = await db.EnforcementMails.AsNoTracking().Where(m => m.ActionId == actionId).Select(m => m.Recipient).ToListAsync(cancellationToken);
        return recipients.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));
    }
}
