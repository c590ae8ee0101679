using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>Keeps what a running server logs, added to its logger factory, so tests can read what an operator would see.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public static LogCapture On(AuthServerHost host)
    {
        var capture = new LogCapture();
        host.Service<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception));
    }
}
