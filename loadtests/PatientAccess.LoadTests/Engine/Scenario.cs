namespace PatientAccess.LoadTests.Engine;

/// <summary>
/// A named, ordered list of steps. Each arrival of the load simulation runs one instance of it:
/// the steps in order, stopping at the first failure because later steps usually depend on earlier
/// ones (a FHIR read needs the token the login step obtained).
/// </summary>
internal sealed class Scenario
{
    public Scenario(string name, IReadOnlyList<Step> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A scenario needs at least one step.", nameof(steps));
        }

        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            // Statistics are keyed by step name, so two steps with one name would silently merge.
            throw new ArgumentException($"Step name '{duplicate.Key}' is used twice.", nameof(steps));
        }

        Name = name;
        Steps = steps;
    }

    public string Name { get; }

    public IReadOnlyList<Step> Steps { get; }
}
