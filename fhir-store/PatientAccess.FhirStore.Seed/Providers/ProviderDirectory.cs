using System.Globalization;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Randomness;

namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>
/// The shared, member-independent part of the data set: network sites and their clinicians.
/// Its size is fixed, so a member's picks (and so the member's resources) do not depend on N.
/// </summary>
internal sealed class ProviderDirectory
{
    private readonly Dictionary<Specialty, Clinician[]> bySpecialty;

    private ProviderDirectory(IReadOnlyList<ProviderSite> sites, IReadOnlyList<Clinician> clinicians)
    {
        Sites = sites;
        Clinicians = clinicians;
        Pharmacies = sites.Where(s => s.Kind == SiteKind.Pharmacy).ToArray();
        Hospitals = sites.Where(s => s.Kind == SiteKind.Hospital).ToArray();
        bySpecialty = clinicians.GroupBy(c => c.Specialty).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<ProviderSite> Sites { get; }

    public IReadOnlyList<Clinician> Clinicians { get; }

    public IReadOnlyList<ProviderSite> Pharmacies { get; }

    public IReadOnlyList<ProviderSite> Hospitals { get; }

    public static ProviderDirectory Create(long seed)
    {
        var random = SeededRandom.For(seed, 2, 0);
        var sites = new List<ProviderSite>();
        var staff = new List<(ProviderSite Site, Specialty[] Staff)>();
        foreach (var (name, kind, city, street, specialties) in SiteCatalog.Sites)
        {
            var number = sites.Count + 1;
            var site = new ProviderSite(
                "org-prov-" + number.ToString("D3", CultureInfo.InvariantCulture),
                "loc-" + number.ToString("D3", CultureInfo.InvariantCulture),
                name, kind, SiteCatalog.PlaceOf(city), street, Npi.Create(150_000_000 + (number * 7_919)));
            sites.Add(site);
            staff.Add((site, specialties));
        }

        var clinicians = new List<Clinician>();
        foreach (var specialty in Specialties.All)
        {
            var hosts = staff.Where(s => s.Staff.Contains(specialty)).Select(s => s.Site).ToArray();
            for (var i = 0; i < specialty.Headcount; i++)
            {
                var number = clinicians.Count + 1;
                var female = random.Chance(0.5);
                var given = random.Pick(female ? Names.FemaleGiven : Names.MaleGiven);
                var family = random.Pick(Names.Family).Name;
                var suffix = number.ToString("D4", CultureInfo.InvariantCulture);
                clinicians.Add(new Clinician(
                    "pract-" + suffix, "role-" + suffix, given, family, female ? "female" : "male",
                    Npi.Create(120_000_000 + (number * 104_729)), specialty, hosts[i % hosts.Length]));
            }
        }

        return new ProviderDirectory(sites, clinicians);
    }

    public Clinician Pick(Specialty specialty, SeededRandom random) => random.Pick(bySpecialty[specialty]);

    /// <summary>A clinician of the specialty who works at the site, or any of the specialty when none does.</summary>
    public Clinician PickAt(Specialty specialty, ProviderSite site, SeededRandom random)
    {
        var here = bySpecialty[specialty].Where(c => c.Site == site).ToArray();
        return here.Length > 0 ? random.Pick(here) : Pick(specialty, random);
    }
}
