using PatientAccess.LoadTests.Smart;
using PatientAccess.LoadTests.Smart.Mail;

namespace PatientAccess.LoadTests.Tests.Unit.Smart.Mail;

public sealed class SignInMailboxTests : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("pa-loadtests-outbox-").FullName;
    private readonly DateTime _now = DateTime.UtcNow;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public void FindNewest_SeveralMessages_NewestToTheAddressWins()
    {
        Write("20261122070000000-a.eml", "john@example.com", "Your code is 111111.", _now.AddSeconds(-30));
        Write("20261122070010000-b.eml", "john@example.com", "Your code is 222222.", _now.AddSeconds(-20));
        Write("20261122070020000-c.eml", "someone@example.com", "Your code is 333333.", _now.AddSeconds(-10));
        Write("20261122070030000-d.txt", "john@example.com", "Your code is 444444.", _now);

        var found = SignInMailbox.FindNewest(_outbox, "John@Example.com");

        Assert.Equal((Path.Combine(_outbox, "20261122070010000-b.eml"), "222222"), found);
    }

    [Fact]
    public void FindNewest_SameWriteTime_LaterNameWins()
    {
        Write("20261122070000000-a.eml", "john@example.com", "code 111111", _now);
        Write("20261122070000001-b.eml", "john@example.com", "code 222222", _now);

        Assert.Equal("222222", SignInMailbox.FindNewest(_outbox, "john@example.com")?.Code);
    }

    [Fact]
    public void FindNewest_MessagesSeenBefore_Ignored()
    {
        Write("old.eml", "john@example.com", "Your code is 111111.", _now.AddSeconds(-5));
        var mailbox = new SignInMailbox(_outbox, TimeSpan.Zero);
        var before = mailbox.Snapshot();

        Assert.Null(SignInMailbox.FindNewest(_outbox, "john@example.com", before));
        Write("new.eml", "john@example.com", "Your code is 555555.", _now.AddSeconds(-60));
        Assert.Equal("555555", SignInMailbox.FindNewest(_outbox, "john@example.com", before)?.Code);
        mailbox.Dispose();
    }

    [Fact]
    public void FindNewest_NewestHasNoCode_ReportedWithoutFallingBackToAnOlderCode()
    {
        Write("a.eml", "john@example.com", "Your code is 111111.", _now.AddSeconds(-5));
        Write("b.eml", "john@example.com", "Welcome! Phone 617-555-0119, ref 1234567.", _now);

        Assert.Equal((Path.Combine(_outbox, "b.eml"), (string?)null), SignInMailbox.FindNewest(_outbox, "john@example.com"));
    }

    [Fact]
    public async Task WaitForCodeAsync_MessageArrivesWhileWaiting_ReturnsItsCode()
    {
        using var mailbox = new SignInMailbox(_outbox, TimeSpan.FromSeconds(5));
        var before = mailbox.Snapshot();

        var waiting = mailbox.WaitForCodeAsync("john@example.com", before, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Write("later.eml", "john@example.com", "Your sign-in code is 765432.", DateTime.UtcNow);

        Assert.Equal("765432", await waiting);
    }

    [Fact]
    public async Task WaitForCodeAsync_NoMessage_ErrorSuggestsEmailAndData()
    {
        using var mailbox = new SignInMailbox(Path.Combine(_outbox, "missing"), TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAsync<SmartLaunchException>(() =>
            mailbox.WaitForCodeAsync("john@example.com", new HashSet<string>(), TestContext.Current.CancellationToken));

        Assert.StartsWith("no sign-in code e-mailed to john@example.com arrived in ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--email", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--data", ex.Message, StringComparison.Ordinal);
    }

    private void Write(string name, string to, string body, DateTime writtenUtc)
    {
        var path = Path.Combine(_outbox, name);
        File.WriteAllText(path, $"From: no-reply@healthplan.example\r\nTo: {to}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
        File.SetLastWriteTimeUtc(path, writtenUtc);
    }
}
