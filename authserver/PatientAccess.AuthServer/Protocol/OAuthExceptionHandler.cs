using Microsoft.AspNetCore.Diagnostics;

namespace PatientAccess.AuthServer.Protocol;

/// <summary>
/// The last line: an unexpected failure still answers in the protocol's own format
/// (server_error, RFC 6749 §5.2 JSON) and logs only the exception type and path, never the request.
/// A request body the server cannot read is the caller's fault and answers invalid_request.
/// </summary>
internal sealed partial class OAuthExceptionHandler(ILogger<OAuthExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var badRequest = exception is BadHttpRequestException;
        if (!badRequest)
        {
            LogFailure(logger, exception.GetType().Name, httpContext.Request.Path.Value ?? string.Empty, exception);
        }

        var result = OAuthResults.Error(httpContext,
            badRequest ? OAuthError.InvalidRequest("the request could not be read") : new OAuthError(OAuthErrors.ServerError, "the server could not complete the request"),
            badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ExceptionType} on {Path}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, string path, Exception exception);
}
