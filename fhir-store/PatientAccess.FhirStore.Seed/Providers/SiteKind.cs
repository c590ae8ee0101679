namespace PatientAccess.FhirStore.Seed.Providers;

internal enum SiteKind
{
    Hospital,
    Practice,
    Pharmacy,
}
