using System.Globalization;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// Mail settings that cannot work stop the real server process at start (exit 78), naming the
/// setting, instead of failing at a member's first sign-in; a password is never echoed.
/// </summary>
public sealed class MailOptionsValidationTests
{
    private const string Password = "relay-secret-never-echoed";

    [Theory]
    [InlineData("Mail__SmtpUserName", "relay-user", "Mail:SmtpPassword: is required when Mail:SmtpUserName is set")]
    [InlineData("Mail__SmtpPassword", Password, "Mail:SmtpUserName: is required when Mail:SmtpPassword is set")]
    [InlineData("Mail__SmtpPort", "0", "Mail:SmtpPort: must be a whole number from 1 to 65535")]
    [InlineData("Mail__SmtpPort", "submission", "'Mail:SmtpPort'")]
    [InlineData("Mail__SmtpTimeoutSeconds", "0", "Mail:SmtpTimeoutSeconds: must be from 1 to 120")]
    [InlineData("Mail__SmtpTimeoutSeconds", "600", "Mail:SmtpTimeoutSeconds: must be from 1 to 120")]
    [InlineData("Mail__SmtpHost", "smtp.example.com:587", "Mail:SmtpHost: 'smtp.example.com:587' is not a host name or IP address")]
    [InlineData("Mail__SmtpHost", "smtp://relay.example.com", "Mail:SmtpHost: 'smtp://relay.example.com' is not a host name or IP address")]
    [InlineData("Mail__From", "codes at plan", "Mail:From: must be an e-mail address")]
    public Task Start_InvalidMailSetting_ExitsAtOnceNamingTheSetting(string variable, string value, string expected) =>
        AssertRefusedAsync(new Dictionary<string, string> { [variable] = value }, expected);

    [Fact]
    public Task Start_PasswordWithoutTlsToAnotherMachine_Refused() =>
        AssertRefusedAsync(
            new Dictionary<string, string> { ["Mail__SmtpUseTls"] = "false", ["Mail__SmtpUserName"] = "relay-user", ["Mail__SmtpPassword"] = Password },
            "Mail:SmtpUseTls: must be true when a password is sent to a relay on another machine");

    private static async Task AssertRefusedAsync(Dictionary<string, string> mail, string expected)
    {
        var data = Directory.CreateTempSubdirectory("pa-mail-config-").FullName;
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Service__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail__SmtpHost"] = "relay.example.com",
        };
        foreach (var (key, value) in mail)
        {
            settings[key] = value;
        }
        await using (var service = ServiceProcess.Start(ServiceName.AuthServer, settings, port))
        {
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"still running:\n{service.Output}");
            Assert.Equal(78, service.ExitCode);
            Assert.Contains("Configuration error; the service did not start:", service.Output, StringComparison.Ordinal);
            Assert.Contains(expected, service.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, service.Output, StringComparison.Ordinal);
        }

        Directory.Delete(data, recursive: true);
    }
}
