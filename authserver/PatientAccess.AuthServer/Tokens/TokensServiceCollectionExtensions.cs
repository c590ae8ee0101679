using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Introspection;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Refresh;
using PatientAccess.ServiceDefaults.ClientAddress;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Tokens;

internal static class TokensServiceCollectionExtensions
{
    /// <summary>The token, introspection and userinfo endpoints' services, and the protocol-wide options.</summary>
    public static IServiceCollection AddTokenEndpoints(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthServerOptions>(AuthServerOptions.Section);
        services.AddValidatedOptions<TokenOptions>(TokenOptions.Section);
        services.AddValidatedOptions<ClientAuthenticationOptions>(ClientAuthenticationOptions.Section);
        services.AddValidatedOptions<IntrospectionOptions>(IntrospectionOptions.Section);
        services.AddExceptionHandler<OAuthExceptionHandler>();
        services.AddClientAddress();
        services.AddSingleton<ClientAuthenticationThrottle>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<AuthorizationCodeExchange>();
        services.AddSingleton<RefreshTokenService>();
        services.AddSingleton<RefreshTokenExchange>();
        return services;
    }
}
