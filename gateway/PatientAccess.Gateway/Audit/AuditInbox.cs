using System.Threading.Channels;

namespace PatientAccess.Gateway.Audit;

/// <summary>Hands events from requests to the writer without making a request wait for Redis or the disk.</summary>
public sealed class AuditInbox
{
    private readonly Channel<AuditEvent> _channel = Channel.CreateUnbounded<AuditEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<AuditEvent> Reader => _channel.Reader;

    public void Enqueue(AuditEvent auditEvent) => _channel.Writer.TryWrite(auditEvent);
}
