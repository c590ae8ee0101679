using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Keys;

internal static class KeysServiceCollectionExtensions
{
    public static IServiceCollection AddSigningKeys(this IServiceCollection services)
    {
        services.AddValidatedOptions<SigningKeyOptions>(SigningKeyOptions.Section);
        services.AddSingleton<PrivateKeyProtector>();
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<KeyRotationService>();
        return services;
    }
}
