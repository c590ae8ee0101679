namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// The cross-process tests start several real processes each and two of them measure time; run
/// alone, one at a time, so they neither compete for the CPU nor see each other's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrossProcessGroup
{
    public const string Name = "CrossProcess";
}
