using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;

namespace PatientAccess.ServiceDefaults.Tests.Integration;

public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Service:Port", "abc", "Service:Port")]
    [InlineData("Service:Port", "70000", "Service:Port: must be a whole number from 1 to 65535")]
    [InlineData("Service:Port", "0", "Service:Port: must be a whole number from 1 to 65535")]
    [InlineData("Service:ManagementPort", "0", "Service:ManagementPort: must be a whole number from 1 to 65535")]
    [InlineData("Service:ManagementPort", "5999", "Service:ManagementPort: must differ from Service:Port (5999)")]
    [InlineData("Service:ManagementBindAddress", "example.com", "Service:ManagementBindAddress: 'example.com' is not an IP address")]
    [InlineData("Service:BindAddress", "not-an-ip", "Service:BindAddress: 'not-an-ip' is not an IP address")]
    [InlineData("Service:BindAddress", "", "Service:BindAddress: is required")]
    [InlineData("Service:DataDirectory", "", "Service:DataDirectory: is required")]
    [InlineData("Service:ManagementNetworks:0", "10.0.0.0/99", "Service:ManagementNetworks: '10.0.0.0/99' is not a network")]
    [InlineData("Service:TrustIncomingRequestId", "maybe", "Service:TrustIncomingRequestId")]
    [InlineData("Metrics:HistogramBuckets:x", "0.1,fast", "Metrics:HistogramBuckets: '0.1,fast' for 'x' is not")]
    [InlineData("Metrics:DefaultBuckets", "1,Infinity", "Metrics:DefaultBuckets")]
    [InlineData("Redis:TimeoutMilliseconds", "5", "Redis:TimeoutMilliseconds")]
    public async Task Start_InvalidSetting_FailsNamingTheSetting(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestHost.StartAsync(configure: b => b.Services.AddRedis(), settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_HistogramBucketsConfigured_Bound()
    {
        await using var app = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:HistogramBuckets:app.x"] = "2, 0.5",
        });

        var options = app.Services.GetRequiredService<IOptions<PatientAccess.ServiceDefaults.Metrics.MetricsOptions>>().Value;

        Assert.True(PatientAccess.ServiceDefaults.Metrics.MetricsOptions.TryParseBuckets(options.HistogramBuckets["app.x"], out var bounds));
        Assert.Equal([0.5, 2], bounds);
    }
}
