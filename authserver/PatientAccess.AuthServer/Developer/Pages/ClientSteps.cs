using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Logos;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>The services the app pages share, injected together.</summary>
internal sealed record ClientSteps(
    DeveloperSessions Sessions, DeveloperClients Clients, ClientRegistry Registry, LogoStore Logos, SecretReveal Reveal, IOptions<DeveloperPortalOptions> Options);
