namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>
/// Tests that start ./run.sh run one at a time: each run builds the services in the same checkout,
/// and two builds of one project at once trip over each other's files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunScriptGroup
{
    public const string Name = "run.sh";
}
