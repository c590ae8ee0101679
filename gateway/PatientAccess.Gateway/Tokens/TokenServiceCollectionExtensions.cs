using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Gateway.Tokens;

internal static class TokenServiceCollectionExtensions
{
    public static IServiceCollection AddTokenValidation(this IServiceCollection services)
    {
        services.AddValidatedOptions<TokenOptions>(TokenOptions.Section);
        services.AddHttpClient(JwksCache.HttpClientName);
        services.AddSingleton<JwksCache>();
        services.AddSingleton<AccessTokenValidator>();
        return services;
    }
}
