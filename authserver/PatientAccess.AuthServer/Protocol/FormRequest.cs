using Microsoft.AspNetCore.Http.Features;

namespace PatientAccess.AuthServer.Protocol;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body within <see cref="ProtocolLimits"/>,
/// turning every malformed or oversized body into an error instead of an exception.
/// </summary>
internal static class FormRequest
{
    public static async Task<(OAuthParameters? Parameters, OAuthError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, OAuthError.InvalidRequest("use POST"));
        }

        if (!request.HasFormContentType || !IsUrlEncoded(request.ContentType))
        {
            return (null, OAuthError.InvalidRequest("the body must be application/x-www-form-urlencoded"));
        }

        if (request.ContentLength > ProtocolLimits.MaxFormBytes)
        {
            return (null, OAuthError.InvalidRequest("the request body is too large"));
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = ProtocolLimits.MaxFormBytes;
        }

        try
        {
            var form = await request.ReadFormAsync(new FormOptions
            {
                ValueCountLimit = ProtocolLimits.MaxParameterCount * 2,
                KeyLengthLimit = 1024,
                ValueLengthLimit = ProtocolLimits.MaxFormBytes,
                BufferBodyLengthLimit = ProtocolLimits.MaxFormBytes,
            }, cancellationToken);
            var parameters = OAuthParameters.From(form);
            return parameters.GeneralProblem is { } problem ? (null, OAuthError.InvalidRequest(problem)) : (parameters, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, OAuthError.InvalidRequest("the request body could not be read as a form"));
        }
    }

    private static bool IsUrlEncoded(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
