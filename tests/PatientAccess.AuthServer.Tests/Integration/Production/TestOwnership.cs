using Microsoft.AspNetCore.Http;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>
/// Stands in for the developer portal's <see cref="IClientOwnership"/> (its sessions are another
/// part of issue 14): the developer is named by the <c>X-Test-Developer</c> header, and owns the
/// clients given to <see cref="Own"/>. Anyone else, or no header, owns nothing.
/// </summary>
internal sealed class TestOwnership : IClientOwnership
{
    public const string Header = "X-Test-Developer";
    private readonly Dictionary<string, string> _owners = [];

    public void Own(string clientId, string email)
    {
        lock (_owners)
        {
            _owners[clientId] = email;
        }
    }

    public string OwnerOf(string clientId)
    {
        lock (_owners)
        {
            return _owners[clientId];
        }
    }

    public Task<string?> OwnerEmailAsync(HttpContext context, string clientId, CancellationToken cancellationToken)
    {
        var developer = context.Request.Headers[Header].ToString();
        lock (_owners)
        {
            return Task.FromResult(_owners.TryGetValue(clientId, out var owner) && owner == developer && developer.Length > 0 ? owner : null);
        }
    }
}
