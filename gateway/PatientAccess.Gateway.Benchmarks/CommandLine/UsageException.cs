namespace PatientAccess.Gateway.Benchmarks.CommandLine;

/// <summary>A command line that cannot be run as given; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
