using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Reports;

/// <summary>
/// A finished run together with what it ran against and where; the input of every report format.
/// <paramref name="Preparation"/> says what was set up, untimed, before the load (for example the
/// codes a token run redeems), so a reader knows what the measured numbers exclude.
/// </summary>
internal sealed record RunReport(RunResult Result, RunEnvironment Environment, IReadOnlyList<string> Targets, string? Preparation = null);
