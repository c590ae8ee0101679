using System.Globalization;

namespace PatientAccess.LoadTests.Load;

/// <summary>
/// Closed model: a fixed number of instances run back to back, each starting when the previous
/// one finished. Useful for comparison, but a slow system lowers its own load here, so latencies
/// look better than users would see them; prefer the open phases for capacity questions.
/// </summary>
internal sealed record KeepConcurrentPhase : LoadPhase
{
    /// <summary>Highest concurrency accepted; each copy is a task and an open connection.</summary>
    public const int MaxCopies = 10_000;

    public KeepConcurrentPhase(int copies, TimeSpan duration)
        : base(duration)
    {
        if (copies <= 0 || copies > MaxCopies)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), copies, $"Concurrency is between 1 and {MaxCopies}.");
        }

        Copies = copies;
    }

    public int Copies { get; }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"closed: keep {Copies} concurrent for {Duration}");
}
