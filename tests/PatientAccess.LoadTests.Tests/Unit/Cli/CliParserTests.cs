using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public sealed class CliParserTests : IDisposable
{
    private readonly string _reportDir = Path.Combine(Path.GetTempPath(), "pa-loadtests-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_reportDir))
        {
            Directory.Delete(_reportDir, recursive: true);
        }
    }

    [Fact]
    public void Parse_ValidOpenModel_AllOptionsRead()
    {
        var result = Parse(
            "http", "--url", "http://127.0.0.1:5000/health/live", "--url=http://localhost:5001/a", "--rate", "200", "--duration", "20s",
            "--ramp-to", "400", "--timeout", "750ms", "--max-in-flight", "50", "--header", "Authorization: Bearer abc", "--report-dir", _reportDir);

        Assert.Null(result.Error);
        var options = Assert.IsType<HttpCommandOptions>(result.Options);
        Assert.Equal(2, options.Urls.Count);
        Assert.Equal(200, options.Load.Rate);
        Assert.Equal(400, options.Load.RampTo);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Load.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.Load.Timeout);
        Assert.Equal(50, options.Load.MaxInFlight);
        Assert.Equal(new KeyValuePair<string, string>("Authorization", "Bearer abc"), Assert.Single(options.Headers));
        Assert.False(options.AllowRemote);
    }

    [Fact]
    public void Parse_Concurrency_ClosedModelWithDefaults()
    {
        var result = Parse("http", "--url", "http://[::1]:5000/", "--concurrency", "4", "--duration", "2m", "--report-dir", _reportDir);

        var options = Assert.IsType<HttpCommandOptions>(result.Options).Load;
        Assert.Equal(4, options.Concurrency);
        Assert.Null(options.Rate);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1000, options.MaxInFlight);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_ShowsHelp(string flag)
    {
        Assert.True(Parse("http", flag).ShowHelp);
        Assert.True(Parse(flag).ShowHelp);
    }

    [Fact]
    public void Parse_NoArguments_ShowsHelp()
    {
        Assert.True(Parse().ShowHelp);
    }

    [Theory]
    [InlineData("unknown argument '--rps'", "--rps", "5")]
    [InlineData("unexpected argument 'extra'", "extra")]
    [InlineData("--url: required", "--no-url")]
    [InlineData("--url: 'not-a-url' is not an absolute http:// or https:// URL", "--url", "not-a-url")]
    [InlineData("--url: 'ftp://127.0.0.1/x' is not an absolute http:// or https:// URL", "--url", "ftp://127.0.0.1/x")]
    [InlineData("--url: '/relative' is not an absolute http:// or https:// URL", "--url", "/relative")]
    [InlineData("--rate: 'abc' is not a number", "--rate", "abc")]
    [InlineData("--rate: must be greater than 0", "--rate", "0")]
    [InlineData("--rate: must be greater than 0", "--rate", "-5")]
    [InlineData("--rate: 'NaN' is not a number", "--rate", "NaN")]
    [InlineData("--rate: missing value", "--rate")]
    [InlineData("--rate: given more than once", "--rate", "5", "--rate", "6")]
    [InlineData("--duration: 'abc' is not a duration like 500ms, 30s, 2m or 1h", "--duration", "abc")]
    [InlineData("--duration: '30' is not a duration like 500ms, 30s, 2m or 1h", "--duration", "30")]
    [InlineData("--duration: '5x' is not a duration like 500ms, 30s, 2m or 1h", "--duration", "5x")]
    [InlineData("--duration: must be more than 0", "--duration", "0s")]
    [InlineData("--duration: must be more than 0 and at most 1.00:00:00", "--duration", "25h")]
    [InlineData("--rate: 0.5/s for 1s schedules no arrivals", "--rate", "0.5")]
    [InlineData("--timeout: '5' is not a duration like 500ms, 30s, 2m or 1h", "--timeout", "5")]
    [InlineData("--rate and --concurrency cannot be combined", "--concurrency", "3")]
    [InlineData("--concurrency: 'two' is not a whole number", "--concurrency", "two")]
    [InlineData("--max-in-flight: must be between 1 and 1000000", "--max-in-flight", "0")]
    [InlineData("--header: 'NoColon' is not like 'Name: value'", "--header", "NoColon")]
    [InlineData("--header: 'Content-Type' cannot be sent on a GET request", "--header", "Content-Type: text/plain")]
    [InlineData("--allow-remote: takes no value", "--allow-remote=yes")]
    public void Parse_BadInput_OneLineNamingTheArgument(string expected, params string[] change)
    {
        var result = Parse(Apply(change));

        Assert.Null(result.Options);
        Assert.NotNull(result.Error);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error);
    }

    [Fact]
    public void Parse_NeitherRateNorConcurrency_AsksForOne()
    {
        var result = Parse("http", "--url", "http://127.0.0.1:5000/", "--duration", "1s", "--report-dir", _reportDir);

        Assert.StartsWith("--rate: required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RampWithoutRate_Refused()
    {
        var result = Parse("http", "--url", "http://127.0.0.1:5000/", "--concurrency", "2", "--ramp-to", "9", "--duration", "1s", "--report-dir", _reportDir);

        Assert.StartsWith("--ramp-to: needs --rate", result.Error, StringComparison.Ordinal);
        result = Parse("http", "--url", "http://127.0.0.1:5000/", "--ramp-to", "9", "--duration", "1s", "--report-dir", _reportDir);
        Assert.StartsWith("--rate: required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDuration_Refused()
    {
        var result = Parse("http", "--url", "http://127.0.0.1:5000/", "--rate", "5", "--report-dir", _reportDir);

        Assert.StartsWith("--duration: required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCommand_Refused()
    {
        var result = Parse("hammer", "--url", "http://127.0.0.1:5000/");

        Assert.StartsWith("unknown command 'hammer'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/r4/metadata")]
    [InlineData("http://10.0.0.5:5000/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("http://localhost.example.com/")]
    public void Parse_RemoteUrlWithoutAllowRemote_RefusedWithReason(string url)
    {
        var result = Parse(Apply(["--url", url]));

        Assert.StartsWith($"--url: '{url}' is not on this machine", result.Error, StringComparison.Ordinal);
        Assert.Contains("network policy", result.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-remote", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RemoteUrlWithAllowRemote_Accepted()
    {
        var result = Parse(Apply(["--url", "http://10.0.0.5:5000/", "--allow-remote"]));

        Assert.Null(result.Error);
        Assert.True(Assert.IsType<HttpCommandOptions>(result.Options).AllowRemote);
    }

    [Fact]
    public void Parse_CheckFhir_OnlyWhenGiven()
    {
        Assert.False(Assert.IsType<HttpCommandOptions>(Parse(Apply([])).Options).CheckFhir);
        Assert.True(Assert.IsType<HttpCommandOptions>(Parse(Apply(["--check-fhir"])).Options).CheckFhir);
        Assert.Equal("--check-fhir: takes no value", Parse(Apply(["--check-fhir=yes"])).Error);
    }

    [Fact]
    public void Parse_ReportDirUnderAFile_NotWritable()
    {
        Directory.CreateDirectory(_reportDir);
        var file = Path.Combine(_reportDir, "a-file");
        File.WriteAllText(file, "x");
        var blocked = Path.Combine(file, "reports");

        var result = Parse("http", "--url", "http://127.0.0.1:5000/", "--rate", "5", "--duration", "1s", "--report-dir", blocked);

        Assert.StartsWith($"--report-dir: '{blocked}' is not writable", result.Error, StringComparison.Ordinal);
    }

    private static CliParseResult Parse(params string[] args) => CliParser.Parse(args);

    /// <summary>A valid command line with one option replaced, added or (for "--no-url") removed.</summary>
    private string[] Apply(string[] change)
    {
        var options = new List<(string Name, string? Value)>
        {
            ("--url", "http://127.0.0.1:5000/health/live"),
            ("--rate", "10"),
            ("--duration", "1s"),
            ("--report-dir", _reportDir),
        };
        if (change is ["--no-url"])
        {
            options.RemoveAll(o => o.Name == "--url");
            change = [];
        }
        else if (change.Length > 0 && change[0].StartsWith("--", StringComparison.Ordinal) && !change[0].Contains('=', StringComparison.Ordinal))
        {
            var name = change[0];
            if (name is not ("--concurrency" or "--allow-remote" or "--check-fhir"))
            {
                options.RemoveAll(o => o.Name == name);
            }
        }

        return ["http", .. options.SelectMany(o => o.Value is null ? [o.Name] : new[] { o.Name, o.Value }), .. change];
    }
}
