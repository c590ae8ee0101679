using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PatientAccess.ServiceDefaults.Metrics;

internal static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics") =>
        endpoints.MapGet(pattern, (MetricsCollector collector) =>
            TypedResults.Text(collector.Scrape(), PrometheusTextWriter.ContentType, Encoding.UTF8))
            .ExcludeFromDescription();
}
