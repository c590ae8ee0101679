using System.Collections.Concurrent;
using System.Diagnostics;

namespace PatientAccess.Testing;

/// <summary>Keeps what a child process printed, to show in a failing test's message.</summary>
public sealed class OutputLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Attach(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text => string.Join('\n', _lines);

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > 2000 && _lines.TryDequeue(out _))
        {
        }
    }
}
