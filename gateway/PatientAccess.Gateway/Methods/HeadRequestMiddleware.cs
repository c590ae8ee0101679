namespace PatientAccess.Gateway.Methods;

/// <summary>
/// Right inside the audit step: HEAD is served wherever GET is (the CapabilityStatement lists it,
/// RFC 9110 §9.3.2), as the GET it stands for with the body dropped, so the headers (Content-Type,
/// Content-Length, ETag, Last-Modified...) are exactly the GET's, refusals included. Every later
/// step sees a GET (the method rule allows both alike; endpoints were already matched for HEAD);
/// the store, which answers GET only, gets a GET signed as one. The audit event records HEAD and
/// 0 bytes, which is what went out.
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    // Every other request passes straight through, without an async state machine of its own.
    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsHead(context.Request.Method) ? ServeAsGetAsync(context) : next(context);

    private async Task ServeAsGetAsync(HttpContext context)
    {
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    }
}
