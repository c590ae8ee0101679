namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>The demo health plan: insurer on every claim, payor on every Coverage, agent of every Provenance.</summary>
public static class PayerOrganization
{
    public const string Id = "org-payer";
    public const string Reference = "Organization/" + Id;
    public const string Name = "Bay State Health Plan";
    public const string Npi = "1999999984";
    public const string Tin = "04-9999999";
    public const string PayerId = "BSHP1";
    public const string Phone = "800-555-0142";
    public const string AddressLine = "100 Federal Street";
    public const string City = "Boston";
    public const string State = "MA";
    public const string PostalCode = "02110";
}
