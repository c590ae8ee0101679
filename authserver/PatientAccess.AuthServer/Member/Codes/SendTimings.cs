using System.Security.Cryptography;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// How long recent code e-mails took to send (and to fail), so that an answer for an address
/// without an account, where nothing is sent, takes about as long as one where a code went out:
/// otherwise the sign-in page's timing would tell who has an account.
/// </summary>
internal sealed class SendTimings
{
    /// <summary>Enough recent sends to follow the relay's speed; few enough that a slow hour is forgotten.</summary>
    public const int Kept = 32;

    private readonly Lock _gate = new();
    private readonly TimeSpan[] _sent = new TimeSpan[Kept];
    private readonly TimeSpan[] _failed = new TimeSpan[Kept];
    private int _sentCount;
    private int _failedCount;

    public void Record(bool sent, TimeSpan took)
    {
        lock (_gate)
        {
            if (sent)
            {
                _sent[_sentCount++ % Kept] = took;
            }
            else
            {
                _failed[_failedCount++ % Kept] = took;
            }
        }
    }

    /// <summary>One of the recent durations of sends with this outcome, picked at random; zero before the first.</summary>
    public TimeSpan Sample(bool sent)
    {
        lock (_gate)
        {
            var (times, count) = sent ? (_sent, _sentCount) : (_failed, _failedCount);
            var kept = Math.Min(count, Kept);
            return kept == 0 ? TimeSpan.Zero : times[RandomNumberGenerator.GetInt32(kept)];
        }
    }
}
