namespace PatientAccess.LoadTests.Engine;

/// <summary>
/// What one step of one scenario instance produced. A failure carries either the status code the
/// system answered with or an error kind for requests that never got an answer.
/// </summary>
internal readonly record struct StepResult(bool IsOk, int? StatusCode, string? ErrorKind, long Bytes)
{
    public static StepResult Ok(int? statusCode = null, long bytes = 0) => new(true, statusCode, null, bytes);

    public static StepResult Fail(int statusCode, long bytes = 0) => new(false, statusCode, null, bytes);

    public static StepResult Error(string errorKind, long bytes = 0) => new(false, null, errorKind, bytes);

    /// <summary>The key results are grouped by in reports: the status code if there was one, else the error kind.</summary>
    public string OutcomeKey =>
        StatusCode is { } code
            ? code.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : ErrorKind ?? (IsOk ? "ok" : "failed");
}
