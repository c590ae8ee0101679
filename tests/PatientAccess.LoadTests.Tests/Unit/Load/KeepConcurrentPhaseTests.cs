using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Tests.Unit.Load;

public class KeepConcurrentPhaseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(KeepConcurrentPhase.MaxCopies + 1)]
    public void Constructor_BadCopies_Throws(int copies)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeepConcurrentPhase(copies, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Describe_Copies_NamesTheClosedModel()
    {
        Assert.Equal("closed: keep 8 concurrent for 00:00:30", new KeepConcurrentPhase(8, TimeSpan.FromSeconds(30)).Describe());
    }
}
