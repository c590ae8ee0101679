namespace PatientAccess.AuthServer.Authorize;

internal static class AuthorizeServiceCollectionExtensions
{
    public static IServiceCollection AddAuthorizeEndpoint(this IServiceCollection services)
    {
        services.AddSingleton<AuthorizeRequestHandler>();
        services.AddSingleton<TestFlowAuthorizeHandler>();
        services.AddSingleton<IAuthorizationCompletion, AuthorizationCompletion>();
        return services;
    }
}
