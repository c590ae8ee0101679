using PatientAccess.Data;

namespace PatientAccess.AuthServer.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>The database (readiness-checked), its EF Core context, and schema creation at start.</summary>
    public static IServiceCollection AddAuthStorage(this IServiceCollection services)
    {
        services.AddDatabase("authserver.db");
        services.AddDbContextFactory<AuthDbContext>(AuthDbContextSetup.Configure);
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
