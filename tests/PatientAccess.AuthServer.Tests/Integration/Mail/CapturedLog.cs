using Microsoft.Extensions.Logging;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>One log entry as the server wrote it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
