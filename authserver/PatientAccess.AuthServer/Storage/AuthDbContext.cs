using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Evidence;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Keys;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Production;
using PatientAccess.AuthServer.Refresh;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Staff;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Storage;

/// <summary>The authorization server's tables, identical on SQLite and PostgreSQL.</summary>
internal sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options)
{
    public DbSet<ClientRecord> Clients => Set<ClientRecord>();

    public DbSet<ClientListingRecord> ClientListings => Set<ClientListingRecord>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<PendingAuthorization> PendingAuthorizations => Set<PendingAuthorization>();

    public DbSet<AuthorizationCodeRecord> AuthorizationCodes => Set<AuthorizationCodeRecord>();

    public DbSet<GrantRecord> Grants => Set<GrantRecord>();

    public DbSet<RefreshTokenRecord> RefreshTokens => Set<RefreshTokenRecord>();

    public DbSet<RevocationRecord> Revocations => Set<RevocationRecord>();

    public DbSet<MemberAccountRecord> MemberAccounts => Set<MemberAccountRecord>();

    public DbSet<MemberSessionRecord> MemberSessions => Set<MemberSessionRecord>();

    public DbSet<LockoutRecord> Lockouts => Set<LockoutRecord>();

    public DbSet<DeveloperAccountRecord> DeveloperAccounts => Set<DeveloperAccountRecord>();

    public DbSet<DeveloperSessionRecord> DeveloperSessions => Set<DeveloperSessionRecord>();

    public DbSet<DeveloperClientRecord> DeveloperClients => Set<DeveloperClientRecord>();

    public DbSet<LogoRecord> DeveloperLogos => Set<LogoRecord>();

    public DbSet<DemoExchangeRecord> DemoExchanges => Set<DemoExchangeRecord>();

    public DbSet<MemberPatientClaimRecord> MemberPatientClaims => Set<MemberPatientClaimRecord>();

    public DbSet<StaffSessionRecord> StaffSessions => Set<StaffSessionRecord>();

    public DbSet<StaffActionRecord> StaffActions => Set<StaffActionRecord>();

    public DbSet<ProductionRequestRecord> ProductionRequests => Set<ProductionRequestRecord>();

    public DbSet<AttestationRecord> Attestations => Set<AttestationRecord>();

    public DbSet<ProductionFileRecord> ProductionFiles => Set<ProductionFileRecord>();

    public DbSet<ReviewScheduleRecord> ReviewSchedules => Set<ReviewScheduleRecord>();

    public DbSet<ClientUsageRecord> ClientUsage => Set<ClientUsageRecord>();

    public DbSet<Enforcement.EnforcementActionRecord> EnforcementActions => Set<Enforcement.EnforcementActionRecord>();

    public DbSet<Enforcement.EnforcementStepRecord> EnforcementSteps => Set<Enforcement.EnforcementStepRecord>();

    public DbSet<Enforcement.EnforcementMailRecord> EnforcementMails => Set<Enforcement.EnforcementMailRecord>();

    public DbSet<Member.Sessions.MemberLanguageRecord> MemberLanguages => Set<Member.Sessions.MemberLanguageRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientRecord>(e =>
        {
            e.ToTable("clients");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.SuspendedFrom).HasConversion<string>().HasMaxLength(16);
            e.Ignore(c => c.IsActive);
        });
        modelBuilder.Entity<ClientListingRecord>(e =>
        {
            e.ToTable("client_listings");
            e.HasKey(l => l.ClientId);
        });
        modelBuilder.Entity<SigningKeyRecord>(e =>
        {
            e.ToTable("signing_keys");
            e.HasKey(k => k.Kid);
        });
        modelBuilder.Entity<PendingAuthorization>(e =>
        {
            e.ToTable("pending_authorizations");
            e.HasKey(p => p.RequestId);
            e.HasIndex(p => p.ExpiresAt);
        });
        modelBuilder.Entity<AuthorizationCodeRecord>(e =>
        {
            e.ToTable("authorization_codes");
            e.HasKey(c => c.CodeHash);
            e.HasIndex(c => c.GrantId);
            e.HasIndex(c => c.ClientId);
        });
        modelBuilder.Entity<GrantRecord>(e =>
        {
            e.ToTable("grants");
            e.HasKey(g => g.GrantId);
            e.HasIndex(g => g.ClientId);
            e.HasIndex(g => g.MemberAccountId);
        });
        modelBuilder.Entity<RefreshTokenRecord>(e =>
        {
            e.ToTable("refresh_tokens");
            e.HasKey(r => r.TokenHash);
            e.HasIndex(r => r.GrantId);
            e.HasIndex(r => r.ClientId);
        });
        modelBuilder.Entity<RevocationRecord>(e =>
        {
            e.ToTable("revocations");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedOnAdd();
            e.Property(r => r.Kind).HasMaxLength(16);
            e.HasIndex(r => new { r.Kind, r.Subject });
            e.HasIndex(r => r.ExpiresAt);
        });
        modelBuilder.Entity<MemberAccountRecord>(e =>
        {
            e.ToTable("member_accounts");
            e.HasKey(a => a.AccountId);
            e.HasIndex(a => a.Email).IsUnique();
            // Not unique: demo members have many accounts; MemberPatientClaimRecord keeps real members to one.
            // A new name, so MemberAccountIndexUpgrade can drop the unique index older databases have.
            e.HasIndex(a => a.PatientId).HasDatabaseName(MemberAccountIndexUpgrade.PatientIndex);
        });
        modelBuilder.Entity<MemberSessionRecord>(e =>
        {
            e.ToTable("member_sessions");
            e.HasKey(m => m.SessionHash);
            e.HasIndex(m => m.ExpiresAt);
        });
        modelBuilder.Entity<LockoutRecord>(e =>
        {
            e.ToTable("member_lockouts");
            e.HasKey(l => l.KeyHash);
        });
        modelBuilder.Entity<MemberPatientClaimRecord>(e =>
        {
            e.ToTable("member_patient_claims");
            e.HasKey(c => c.PatientId);
            e.HasIndex(c => c.AccountId);
        });
        DeveloperTables(modelBuilder);
        OnStaffModelCreating(modelBuilder);
        Enforcement.EnforcementTables.Create(modelBuilder);
    }

    /// <summary>The developer portal's tables, all new (SchemaUpgrade creates them in older databases).</summary>
    private static void DeveloperTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeveloperAccountRecord>(e =>
        {
            e.ToTable("developer_accounts");
            e.HasKey(a => a.DeveloperId);
            e.HasIndex(a => a.Email).IsUnique();
        });
        modelBuilder.Entity<DeveloperSessionRecord>(e =>
        {
            e.ToTable("developer_sessions");
            e.HasKey(s => s.SessionHash);
            e.HasIndex(s => s.ExpiresAt);
        });
        modelBuilder.Entity<DeveloperClientRecord>(e =>
        {
            e.ToTable("developer_clients");
            e.HasKey(c => c.ClientId);
            e.HasIndex(c => c.DeveloperId);
        });
        modelBuilder.Entity<LogoRecord>(e =>
        {
            e.ToTable("developer_logos");
            e.HasKey(l => l.ClientId);
        });
        modelBuilder.Entity<DemoExchangeRecord>(e =>
        {
            e.ToTable("developer_demo_exchanges");
            e.HasKey(x => x.CodeHash);
            e.HasIndex(x => x.ClientId);
        });
    }

    /// <summary>Staff sessions and actions, production requests, attestations, their files and review dates (issue 14, part C): new tables only.</summary>
    private static void OnStaffModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffSessionRecord>(e =>
        {
            e.ToTable("staff_sessions");
            e.HasKey(s => s.SessionHash);
            e.HasIndex(s => s.ExpiresAt);
        });
        modelBuilder.Entity<StaffActionRecord>(e =>
        {
            e.ToTable("staff_actions");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.HasIndex(a => a.Subject);
        });
        modelBuilder.Entity<ProductionRequestRecord>(e =>
        {
            e.ToTable("production_requests");
            e.HasKey(r => r.RequestId);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.ClientId, r.Status });
            e.HasIndex(r => r.Status);
        });
        modelBuilder.Entity<AttestationRecord>(e =>
        {
            e.ToTable("attestations");
            e.HasKey(a => a.RequestId);
            e.HasIndex(a => a.ClientId);
        });
        modelBuilder.Entity<ProductionFileRecord>(e =>
        {
            e.ToTable("production_files");
            e.HasKey(f => new { f.RequestId, f.Kind });
        });
        modelBuilder.Entity<ReviewScheduleRecord>(e =>
        {
            e.ToTable("review_schedules");
            e.HasKey(s => s.ClientId);
        });
    }
}
