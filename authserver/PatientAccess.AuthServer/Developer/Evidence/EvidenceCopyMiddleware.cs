using Microsoft.AspNetCore.Http.Features;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>
/// After the token endpoint answered an authorization_code exchange with 200, copies that one code
/// (found by the hash of the code in the form it already read) into the evidence table, so the
/// evidence exists before the member could revoke the grant and delete the code. It only reads what
/// the token endpoint decided; a failure here is logged and never changes the answer already sent.
/// </summary>
internal static partial class EvidenceCopyMiddleware
{
    public static IApplicationBuilder UseDemoEvidenceCopy(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status200OK
                || !HttpMethods.IsPost(context.Request.Method)
                || !context.Request.Path.Equals("/oauth2/token", StringComparison.OrdinalIgnoreCase)
                || context.Features.Get<IFormFeature>()?.Form is not { } form
                || form["grant_type"] != "authorization_code"
                || form["code"].ToString() is not { Length: > 0 and <= 512 } code)
            {
                return;
            }

            try
            {
                await context.RequestServices.GetRequiredService<DemoEvidence>().CopyAsync(null, context.RequestAborted, Secrets.Hash(code));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The timer and the next read of the evidence copy it later.
                LogCopyFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EvidenceCopyMiddleware)), ex.GetType().Name);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying a demo exchange into the evidence failed ({Error}); the periodic copy will retry")]
    private static partial void LogCopyFailed(ILogger logger, string error);
}
