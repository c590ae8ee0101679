using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Staff;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Production access requests: taken from developers (already checked by <see cref="SubmissionCheck"/>),
/// listed for staff, and decided. Approval makes the client a production client in the same
/// transaction that records the decision, fills its gallery listing from the request and sets its
/// review dates; the developer is then e-mailed either way (<see cref="DecisionNotifier"/>).
/// </summary>
internal sealed class ProductionRequests(
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<AuthServerOptions> server,
    StaffActions actions,
    DecisionNotifier notifier,
    TimeProvider time)
{
    public const string LogoKind = "logo";
    public const string CertificateKind = "certificate";

    public async Task<SubmitOutcome> SubmitAsync(ClientRecord client, string developerEmail, string language, ProductionSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(submission);
        if (!client.IsActive)
        {
            return SubmitOutcome.ClientInactive;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var consumers = submission.Customers != "organizations";
        var certified = AttestationRule.Parse(submission.Answers[0]) == AttestationAnswer.Yes;
        var request = new ProductionRequestRecord
        {
            RequestId = Secrets.NewId(),
            ClientId = client.ClientId,
            DeveloperEmail = developerEmail,
            Language = language,
            Company = submission.Company!.Trim(),
            Description = submission.Description!.Trim(),
            Purpose = submission.Purpose!.Trim(),
            Customers = submission.Customers!,
            ConsumerCost = consumers ? submission.ConsumerCost?.Trim() : null,
            TermsOfServiceUri = submission.TermsOfServiceUri!.Trim(),
            PrivacyPolicyUri = submission.PrivacyPolicyUri!.Trim(),
            ReusedLogoUri = submission.Logo is null ? client.LogoUri : null,
            SupportEmail = submission.SupportEmail!.Trim(),
            SecurityContact = submission.SecurityContact!.Trim(),
            TestInstance = submission.TestInstance == "yes",
            ShareWithCustomers = submission.ShareWithCustomers == "yes",
            AllPlans = submission.Plans == "all",
            PlanNames = submission.Plans == "named" ? submission.PlanNames?.Trim() : null,
            Status = ProductionRequestStatus.Pending,
            SubmittedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ProductionRequests.AnyAsync(r => r.ClientId == client.ClientId && r.Status == ProductionRequestStatus.Pending, cancellationToken))
        {
            return SubmitOutcome.Pending;
        }

        db.ProductionRequests.Add(request);
        db.Attestations.Add(new AttestationRecord
        {
            RequestId = request.RequestId,
            ClientId = client.ClientId,
            Answers = [.. submission.Answers.Select(a => AttestationRule.Text(AttestationRule.Parse(a)!.Value))],
            HasCertificate = certified,
            AnsweredAt = now,
        });
        if (submission.Logo is { } logo)
        {
            db.ProductionFiles.Add(new ProductionFileRecord { RequestId = request.RequestId, Kind = LogoKind, ContentType = FileContent.Image(logo)!.Value.ContentType, Content = logo });
        }

        // The certificate is kept only when it is what qualifies the attestation.
        if (certified && submission.Certificate is { } certificate)
        {
            db.ProductionFiles.Add(new ProductionFileRecord { RequestId = request.RequestId, Kind = CertificateKind, ContentType = FileContent.Document(certificate)!, Content = certificate });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmitOutcome(request.RequestId, null);
    }

    public async Task<IReadOnlyList<ProductionRequestRecord>> ListAsync(ProductionRequestStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductionRequests.AsNoTracking().Where(r => r.Status == status).OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
    }

    public async Task<(ProductionRequestRecord Request, AttestationRecord Attestation)?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ProductionRequests.AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        var attestation = request is null ? null : await db.Attestations.AsNoTracking().FirstOrDefaultAsync(a => a.RequestId == requestId, cancellationToken);
        return request is null || attestation is null ? null : (request, attestation);
    }

    /// <summary>The client's newest request, whatever its status.</summary>
    public async Task<ProductionRequestRecord?> LatestForClientAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductionRequests.AsNoTracking().Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.RequestId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ProductionFileRecord?> FileAsync(string requestId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductionFiles.AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == requestId && f.Kind == kind, cancellationToken);
    }

    /// <summary>The logo of the client's newest approved request that carried one (what the gallery shows).</summary>
    public async Task<ProductionFileRecord?> ApprovedLogoAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from request in db.ProductionRequests.AsNoTracking()
                      join file in db.ProductionFiles.AsNoTracking() on request.RequestId equals file.RequestId
                      where request.ClientId == clientId && request.Status == ProductionRequestStatus.Approved && file.Kind == LogoKind
                      orderby request.DecidedAt descending
                      select file).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Approves or denies a pending request; the reason is required (checked by the caller).</summary>
    public async Task<DecisionOutcome> DecideAsync(string requestId, bool approve, StaffActor actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var seconds = now.ToUnixTimeSeconds();
        ProductionRequestRecord? request;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            request = await db.ProductionRequests.FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
            if (request is null)
            {
                return DecisionOutcome.NotFound;
            }

            var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
            if (approve && client?.IsActive != true)
            {
                return DecisionOutcome.ClientInactive;
            }

            // Claimed with a conditional update: of two reviewers deciding at once, exactly one wins.
            var status = approve ? ProductionRequestStatus.Approved : ProductionRequestStatus.Denied;
            var claimed = await db.ProductionRequests.Where(r => r.RequestId == requestId && r.Status == ProductionRequestStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.DecidedAt, seconds)
                    .SetProperty(r => r.DecidedBy, actor.Id).SetProperty(r => r.DecisionReason, reason), cancellationToken);
            if (claimed != 1)
            {
                return DecisionOutcome.AlreadyDecided;
            }

            if (approve)
            {
                await ApproveAsync(db, client!, request, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await actions.RecordAsync(actor, approve ? ProductionAudit.Approved : ProductionAudit.Denied, request.ClientId, reason, cancellationToken);
        await notifier.NotifyAsync(request, approve, reason, actor, cancellationToken);
        return DecisionOutcome.Success;
    }

    private async Task ApproveAsync(AuthDbContext db, ClientRecord client, ProductionRequestRecord request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seconds = now.ToUnixTimeSeconds();
        client.Status = ClientStatus.Production;
        client.StatusChangedAt = seconds;
        if (await db.ProductionFiles.AnyAsync(f => f.RequestId == request.RequestId && f.Kind == LogoKind, cancellationToken))
        {
            client.LogoUri = server.Value.Issuer.TrimEnd('/') + "/gallery/logos/" + Uri.EscapeDataString(client.ClientId);
        }

        var listing = await db.ClientListings.FirstOrDefaultAsync(l => l.ClientId == client.ClientId, cancellationToken);
        if (listing is null)
        {
            listing = new ClientListingRecord { ClientId = client.ClientId };
            db.ClientListings.Add(listing);
        }

        listing.Description = request.Description;
        listing.PrivacyPolicyUri = request.PrivacyPolicyUri;
        listing.TermsOfServiceUri = request.TermsOfServiceUri;
        listing.SupportEmail = request.SupportEmail;
        listing.UpdatedAt = seconds;

        var attestation = await db.Attestations.AsNoTracking().FirstAsync(a => a.RequestId == request.RequestId, cancellationToken);
        var schedule = await db.ReviewSchedules.FirstOrDefaultAsync(s => s.ClientId == client.ClientId, cancellationToken);
        if (schedule is null)
        {
            schedule = new ReviewScheduleRecord { ClientId = client.ClientId, RequestId = request.RequestId };
            db.ReviewSchedules.Add(schedule);
        }

        schedule.RequestId = request.RequestId;
        schedule.ApprovedAt = seconds;
        schedule.ReviewDueAt = now.AddYears(1).ToUnixTimeSeconds();
        schedule.AttestedAt = attestation.AnsweredAt;
        schedule.AttestationDueAt = DateTimeOffset.FromUnixTimeSeconds(attestation.AnsweredAt).AddYears(2).ToUnixTimeSeconds();
        schedule.AutoSuspendedAt = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}
