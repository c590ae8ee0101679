namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// Issue 15's end-to-end tests share one ./run.sh stack (<see cref="EnforcementServices"/>), each test
/// with apps and members of its own. Not run alongside other collections: the stack's run.sh
/// builds the services in this checkout, as the run.sh tests do, and its monitor must see only its
/// own tests' traffic.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnforcementGroup : ICollectionFixture<EnforcementServices>
{
    public const string Name = "Enforcement";
}
