namespace PatientAccess.Monitor.Pages;

/// <summary>A problem to show at a field (<paramref name="Field"/> is its id) and in the page's error summary.</summary>
internal sealed record PageError(string Field, string Message);
