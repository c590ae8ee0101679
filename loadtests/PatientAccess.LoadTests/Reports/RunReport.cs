using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Reports;

/// <summary>A finished run together with what it ran against and where; the input of every report format.</summary>
internal sealed record RunReport(RunResult Result, RunEnvironment Environment, IReadOnlyList<string> Targets);
