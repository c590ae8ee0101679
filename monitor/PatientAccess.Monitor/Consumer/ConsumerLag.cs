using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Observability;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Consumer;

/// <summary>
/// The group's lag: entries not yet acknowledged (pending plus undelivered) and the age of the
/// oldest of them, from its stream id. Without the group, the whole stream is lag.
/// </summary>
internal sealed class ConsumerLag(MonitorMetrics metrics, IOptions<ConsumerOptions> options, TimeProvider time)
{
    private readonly ConsumerOptions _options = options.Value;

    public async Task<(long Entries, TimeSpan Age)> MeasureAsync(IDatabase db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        cancellationToken.ThrowIfCancellationRequested();
        var groups = await db.StreamGroupInfoAsync(_options.StreamKey);
        var group = groups.FirstOrDefault(g => g.Name == _options.ConsumerGroup);
        long entries;
        RedisValue oldest = RedisValue.Null;
        if (group.Name is null)
        {
            entries = await db.StreamLengthAsync(_options.StreamKey);
            oldest = (await db.StreamRangeAsync(_options.StreamKey, "-", "+", 1)).FirstOrDefault().Id;
        }
        else
        {
            entries = group.PendingMessageCount + (group.Lag ?? 0);
            if (group.PendingMessageCount > 0)
            {
                oldest = (await db.StreamPendingAsync(_options.StreamKey, _options.ConsumerGroup)).LowestPendingMessageId;
            }
            else if (group.Lag is null or > 0)
            {
                var next = await db.StreamRangeAsync(_options.StreamKey, "(" + group.LastDeliveredId, "+", 1);
                oldest = next.FirstOrDefault().Id;
                if (group.Lag is null)
                {
                    // Redis cannot tell (entries deleted mid-stream): the stream's length, an upper bound.
                    entries = next.Length == 0 ? 0 : await db.StreamLengthAsync(_options.StreamKey);
                }
            }
        }

        var age = entries > 0 && MillisecondsOf(oldest) is { } ms
            ? TimeSpan.FromMilliseconds(Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - ms))
            : TimeSpan.Zero;
        metrics.Lag(entries, age.TotalSeconds);
        return (entries, age);
    }

    private static long? MillisecondsOf(RedisValue id)
    {
        if (id.IsNullOrEmpty)
        {
            return null;
        }

        var text = (string)id!;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? text : text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : null;
    }
}
