namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>The payer's products. Members 65 and over are on the Medicare Advantage plan.</summary>
public static class HealthPlans
{
    public static HealthPlan MedicareAdvantage { get; } = new("GRP-MA-0001", "Commonwealth Medicare Advantage", "MAPD-PLUS", "Bay State Health Plan Medicare Advantage PPO Plus");

    public static HealthPlan EmployerPpo { get; } = new("GRP-1001", "Merrimack Manufacturing Co.", "PPO-GOLD", "Bay State Health Plan PPO Gold");

    public static HealthPlan TeachersHmo { get; } = new("GRP-1002", "Massachusetts Teachers Benefit Trust", "HMO-SILVER", "Bay State Health Plan HMO Silver");

    public static HealthPlan Individual { get; } = new("GRP-2001", "Individual and Family Marketplace", "EPO-BRONZE", "Bay State Health Plan EPO Bronze");

    internal static IReadOnlyList<HealthPlan> UnderSixtyFive { get; } = [EmployerPpo, TeachersHmo, Individual];
}
