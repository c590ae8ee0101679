namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>The group and plan a Coverage names in its <c>class</c> entries.</summary>
public sealed record HealthPlan(string GroupId, string GroupName, string PlanId, string PlanName);
