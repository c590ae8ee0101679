namespace PatientAccess.Monitor.Reports;

/// <summary>
/// <c>GET /api/reports/usage</c> (staff key; the CMS-0057-F usage report as JSON or CSV) and
/// <c>GET /api/apps/{clientId}/reads</c> (staff key or the read-only evidence key; contract 3).
/// Bad input is a 400 JSON problem naming it.
/// </summary>
internal static class ReportsApi
{
    public const string ReadsRoute = "/api/apps/{clientId}/reads";
    private const int MaxClientId = 200;

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<UsageReportQuery>();
        services.AddSingleton<AppReadsQuery>();
        return services;
    }

    public static WebApplication MapReportsApi(this WebApplication app)
    {
        app.MapGet("/api/reports/usage", UsageAsync);
        app.MapGet(ReadsRoute, ReadsAsync);
        return app;
    }

    private static async Task<IResult> UsageAsync(HttpContext context, UsageReportQuery query)
    {
        var q = context.Request.Query;
        var unknown = q.Keys.FirstOrDefault(k => k is not ("from" or "to" or "year" or "format"));
        if (unknown is not null)
        {
            return Problem($"unknown parameter: {unknown} (from, to, year, format)");
        }

        var format = q["format"].ToString();
        if (format is not ("" or "json" or "csv"))
        {
            return Problem("format must be json or csv");
        }

        if (q.Any(p => p.Value.Count > 1))
        {
            return Problem("each parameter may be given once");
        }

        var (period, error) = UsagePeriod.Parse(q["from"], q["to"], q["year"]);
        if (period is null)
        {
            return Problem(error!);
        }

        var report = await query.RunAsync(period, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return format == "csv"
            ? Results.Text(report.ToCsv(), "text/csv; charset=utf-8")
            : Results.Json(report.ToJson());
    }

    private static async Task<IResult> ReadsAsync(HttpContext context, string clientId, AppReadsQuery query)
    {
        if (clientId.Length > MaxClientId)
        {
            return Problem($"the client id is longer than {MaxClientId} characters");
        }

        var (reads, total) = await query.RunAsync(clientId, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["client_id"] = clientId,
            ["reads"] = reads,
            ["total"] = total,
        });
    }

    private static IResult Problem(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid request");
}
