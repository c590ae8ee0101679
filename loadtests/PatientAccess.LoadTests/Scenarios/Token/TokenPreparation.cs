using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PatientAccess.LoadTests.Smart;
using PatientAccess.LoadTests.Smart.Mail;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// The untimed part of a token run: member sessions signed in one after another (each sign-in
/// e-mails a code to the same address, read back from the outbox), then codes minted through
/// the member pages in parallel, one request at a time per session, with progress on the console.
/// </summary>
internal sealed class TokenPreparation : IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private readonly List<MemberSession> _sessions = [];
    private readonly Uri _authServer;
    private readonly MemberIdentity _member;
    private readonly SignInMailbox _mailbox;
    private readonly TextWriter _progress;
    private readonly Lock _progressLock = new();

    public TokenPreparation(Uri authServer, MemberIdentity member, SignInMailbox mailbox, TextWriter progress)
    {
        _authServer = authServer;
        _member = member;
        _mailbox = mailbox;
        _progress = progress;
    }

    public IReadOnlyList<MemberSession> Sessions => _sessions;

    public async Task SignInAsync(int count, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var session = new MemberSession(_authServer, _member, _mailbox, [], SmartTimeouts.Request);
            _sessions.Add(session);
            await session.SignInAsync(cancellationToken);
        }

        var registered = _sessions.Any(s => s.SignedInBy == SignInKind.Registered) ? " (the first registered the demo member)" : string.Empty;
        Write($"  signed in {count} member session{(count == 1 ? string.Empty : "s")} as {_member.Email}{registered} in {Seconds(watch.Elapsed)}");
    }

    /// <summary>
    /// Makes <paramref name="count"/> items with <paramref name="mintOne"/>, the sessions working in
    /// parallel; results come back in the order they were made (oldest first). The first failure
    /// stops every session and is rethrown.
    /// </summary>
    public async Task<List<T>> MintAsync<T>(int count, string what, Func<MemberSession, CancellationToken, Task<T>> mintOne, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mintOne);
        if (_sessions.Count == 0)
        {
            throw new InvalidOperationException("Sign in before minting.");
        }

        var made = new ConcurrentQueue<T>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task WorkAsync(MemberSession session)
        {
            try
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    made.Enqueue(await mintOne(session, stop.Token));
                    lock (_progressLock)
                    {
                        if (watch.Elapsed - lastReport >= ProgressInterval && made.Count < count)
                        {
                            lastReport = watch.Elapsed;
                            _progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {made.Count}/{count} after {Seconds(watch.Elapsed)}"));
                        }
                    }
                }
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }

        var workers = _sessions.Select(WorkAsync).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A session was stopped because another failed: report the failure, not the stop.
            throw workers.Select(w => w.Exception?.InnerException).First(e => e is not null and not OperationCanceledException)!;
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"  {what}: {count} in {Seconds(watch.Elapsed)} ({count / Math.Max(watch.Elapsed.TotalSeconds, 1e-3):0.0}/s)"));
        return [.. made];
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");

    private void Write(string line)
    {
        lock (_progressLock)
        {
            _progress.WriteLine(line);
        }
    }
}
