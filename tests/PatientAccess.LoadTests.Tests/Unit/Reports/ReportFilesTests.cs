using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Tests.Unit.Reports;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-loadtests-reports-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Write_TwoRunsInOneSecond_NeitherOverwritten()
    {
        var report = SampleReport.Create();

        var first = ReportFiles.Write(report, _dir);
        var second = ReportFiles.Write(report, _dir);

        Assert.Equal(Path.Combine(_dir, "http-get-20261122-103000.md"), first.MarkdownPath);
        Assert.Equal(Path.Combine(_dir, "http-get-20261122-103000.html"), first.HtmlPath);
        Assert.Equal(Path.Combine(_dir, "http-get-20261122-103000-2.md"), second.MarkdownPath);
        Assert.Equal(4, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void Write_ScenarioNameWithPathCharacters_StaysInTheDirectory()
    {
        var (markdown, _) = ReportFiles.Write(SampleReport.Create(scenarioName: "../evil/name"), _dir);

        Assert.Equal(_dir, Path.GetDirectoryName(markdown));
    }
}
