using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("PatientAccess.Gateway", "Service__Port", "abc", "Failed to convert configuration value 'abc' at 'Service:Port'")]
    [InlineData("PatientAccess.AuthServer", "Service__Port", "99999", "Service:Port: must be a whole number from 1 to 65535")]
    [InlineData("PatientAccess.Gateway", "Proxy__FhirStoreUrl", "", "Proxy:FhirStoreUrl: is required")]
    [InlineData("PatientAccess.Gateway", "Proxy__FhirStoreUrl", "ftp://store", "Proxy:FhirStoreUrl: 'ftp://store' is not an absolute http(s) URL")]
    [InlineData("PatientAccess.FhirStore", "Database__Provider", "PostgreSql", "Database:ConnectionString: is required when Database:Provider is PostgreSql")]
    [InlineData("PatientAccess.FhirStore", "Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("PatientAccess.Monitor", "Redis__ConnectionString", "", "Redis:ConnectionString: is required")]
    [InlineData("PatientAccess.Monitor", "Service__BindAddress", "example.com", "Service:BindAddress: 'example.com' is not an IP address")]
    [InlineData("PatientAccess.FhirStore", "Access__MemberContextKeys__0", "", "Access:MemberContextKeys: is required")]
    [InlineData("PatientAccess.FhirStore", "Access__MemberContextKeys__0", "c2hvcnQ=", "Access:MemberContextKeys: each key must be base64 of 32 bytes or more")]
    [InlineData("PatientAccess.FhirStore", "Access__OperatorKeyHashes__0", "plaintext-password", "Access:OperatorKeyHashes: each entry must be a SHA-256 hash")]
    [InlineData("PatientAccess.FhirStore", "Search__MaxCount", "0", "Search:MaxCount: must be from 1 to 5000")]
    public async Task Start_InvalidSetting_ExitsAtOnceNamingTheSetting(string project, string variable, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("pa-config-").FullName;
        var settings = new Dictionary<string, string> { ["Service__DataDirectory"] = data, [variable] = value };
        var port = FreePort.Next();
        if (variable != "Service__Port")
        {
            settings["Service__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var service = ServiceProcess.Start(ServiceName.All.Single(s => s.Project == project), settings, port);

        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"still running:\n{service.Output}");
        Assert.Equal(78, service.ExitCode);
        Assert.Contains("Configuration error; the service did not start:", service.Output, StringComparison.Ordinal);
        Assert.Contains(expected, service.Output, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }
}
