using System.Globalization;
using System.Text;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// The append-only spool: one JSON event per line, flushed to disk before the writer moves on, and
/// a small position file naming how many bytes of it were replayed into Redis. A crash between a
/// replay and the position update replays those events again; their ids make that harmless.
/// </summary>
public sealed class AuditSpool
{
    private readonly string _path;
    private readonly string _positionPath;
    private long _position;

    public AuditSpool(string path)
    {
        _path = path;
        _positionPath = path + ".pos";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _position = File.Exists(_positionPath) && long.TryParse(File.ReadAllText(_positionPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        Depth = CountPending();
    }

    /// <summary>Events written and not yet replayed.</summary>
    public long Depth { get; private set; }

    public bool IsEmpty => Depth == 0;

    public void Append(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
        Depth += lines.Count;
    }

    /// <summary>Up to <paramref name="max"/> events from the replay position, oldest first, and the position after them.</summary>
    public (IReadOnlyList<string> Lines, long Next) ReadBatch(int max)
    {
        var lines = new List<string>();
        if (!File.Exists(_path))
        {
            return (lines, _position);
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_position, SeekOrigin.Begin);
        var next = _position;
        var buffer = new List<byte>();
        int b;
        while (lines.Count < max && (b = stream.ReadByte()) >= 0)
        {
            if (b != '\n')
            {
                buffer.Add((byte)b);
                continue;
            }

            next = stream.Position;
            if (buffer.Count > 0)
            {
                lines.Add(Encoding.UTF8.GetString([.. buffer]));
            }

            buffer.Clear();
        }

        // A line without its newline is a write cut short by a crash: it is not an event yet.
        return (lines, next);
    }

    /// <summary>Records that everything before <paramref name="next"/> is in Redis; empties the spool once all of it is.</summary>
    public void Commit(long next, int count)
    {
        _position = next;
        Depth = Math.Max(0, Depth - count);
        if (File.Exists(_path) && next >= new FileInfo(_path).Length)
        {
            File.Delete(_path);
            File.Delete(_positionPath);
            _position = 0;
            Depth = 0;
            return;
        }

        var temporary = _positionPath + ".tmp";
        File.WriteAllText(temporary, next.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, _positionPath, overwrite: true);
    }

    private long CountPending()
    {
        if (!File.Exists(_path))
        {
            return 0;
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_position, SeekOrigin.Begin);
        long lines = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}
