using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Logos;

namespace PatientAccess.AuthServer.Developer.Api;

/// <summary>The services the app endpoints share, injected together.</summary>
internal sealed record ApiSteps(
    DeveloperSessions Sessions, DeveloperClients Clients, ClientRegistry Registry, LogoStore Logos,
    IOptions<DeveloperPortalOptions> Options, IOptions<AuthServerOptions> Server);
