namespace PatientAccess.AuthServer.Member.Security;

/// <summary>
/// Headers on every member page: no framing (clickjacking on an approve button), scripts and
/// styles only from our own static files, nothing cached, no referrer leaking request ids.
/// </summary>
internal static class SecurityHeaders
{
    public static void Apply(HttpContext context, string? extraFormTarget = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        // Chromium checks form-action on the redirect after a POST too, so the approve form
        // names the app's redirect origin.
        var formAction = extraFormTarget is null ? "'self'" : "'self' " + extraFormTarget;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; form-action {formAction}; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
    }
}
