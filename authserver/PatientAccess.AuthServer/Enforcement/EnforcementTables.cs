using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>The tables issue 15 adds to the authserver (all new tables: SchemaUpgrade creates them in older databases).</summary>
internal static class EnforcementTables
{
    public static void Create(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EnforcementActionRecord>(e =>
        {
            e.ToTable("enforcement_actions");
            e.HasKey(a => a.ActionId);
            e.HasIndex(a => a.ClientId);
        });
        modelBuilder.Entity<EnforcementStepRecord>(e =>
        {
            e.ToTable("enforcement_steps");
            e.HasKey(s => new { s.ActionId, s.Name });
        });
        modelBuilder.Entity<EnforcementMailRecord>(e =>
        {
            e.ToTable("enforcement_mails");
            e.HasKey(m => new { m.ActionId, m.Recipient });
        });
        modelBuilder.Entity<ClientUsageRecord>(e =>
        {
            e.ToTable("client_usage");
            e.HasKey(u => u.ClientId);
        });
        modelBuilder.Entity<MemberLanguageRecord>(e =>
        {
            e.ToTable("member_languages");
            e.HasKey(l => l.AccountId);
        });
    }
}
