using System.Diagnostics;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.ServiceDefaults.Logging;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Wraps the whole policy chain: whatever step answered, one audit event and one set of metrics
/// per request. An unexpected failure still answers an OperationOutcome and is still audited.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, AuditInbox queue, GatewayMetrics metrics, TimeProvider time,
    RefusalAttribution attribution, AuditReplica replica, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // As received: HEAD is served as a GET further down the chain.
        var method = context.Request.Method;
        var request = GatewayRequest.Of(context);
        var bytes = request.ResponseBytes = new ResponseBytes(context.Response);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogFailure(logger, ex);
            request.Decision = GatewayRequest.Refused;
            request.Reason ??= "error";
            await OperationOutcomeWriter.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "exception",
                "the gateway failed to handle this request", CancellationToken.None);
        }
        finally
        {
            bytes.Dispose();
            var elapsed = Stopwatch.GetElapsedTime(started);
            // After the answer went out: the signature check a refusal may cost never delays it.
            await attribution.AttributeAsync(context, request);
            Record(context, method, request, bytes.Total(context.RequestAborted.IsCancellationRequested), elapsed);
        }
    }

    private void Record(HttpContext context, string method, GatewayRequest request, long bytes, TimeSpan elapsed)
    {
        var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
        var target = request.Target;
        var token = request.Token;
        metrics.Request(token?.ClientId ?? "anonymous", target?.ResourceType ?? "none", status, elapsed.TotalSeconds);
        if (request.Decision == GatewayRequest.Refused && request.Reason is { } reason)
        {
            metrics.Refusal(reason);
        }

        var now = time.GetUtcNow();
        queue.Enqueue(new AuditEvent(
            RandomIds.NewVersion7(now).ToString("N"),
            now,
            context.TraceIdentifier,
            token?.ClientId,
            token?.Subject,
            token?.Patient,
            method,
            target?.RouteTemplate ?? "(none)",
            target?.ResourceType,
            target?.QueryShape ?? string.Empty,
            status,
            bytes,
            Math.Round(elapsed.TotalMilliseconds, 3),
            request.ClientAddress?.ToString(),
            request.Country,
            request.Decision,
            request.Reason,
            token?.Jti,
            replica.Name));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in the gateway pipeline")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
