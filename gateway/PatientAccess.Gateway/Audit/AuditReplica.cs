using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Gateway.Audit;

/// <summary>This replica's name in audit events: <see cref="AuditOptions.Replica"/>, or the host name and public port.</summary>
internal sealed class AuditReplica(IOptions<AuditOptions> audit, IOptions<ServiceOptions> service)
{
    public string Name { get; } = audit.Value.Replica.Length > 0
        ? audit.Value.Replica
        : string.Create(CultureInfo.InvariantCulture, $"gateway@{Environment.MachineName}:{service.Value.Port}");
}
