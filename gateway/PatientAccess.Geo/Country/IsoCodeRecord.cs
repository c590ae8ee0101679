using MaxMind.Db;

namespace PatientAccess.Geo.Country;

/// <summary>
/// MaxMind's <c>country</c> and <c>registered_country</c> maps, of which only <c>iso_code</c> is
/// decoded: the names in eight languages and the geoname id are skipped, not built.
/// </summary>
public sealed class IsoCodeRecord
{
    [Constructor]
    public IsoCodeRecord([MapKey("iso_code")] string? isoCode) => IsoCode = isoCode;

    public string? IsoCode { get; }
}
