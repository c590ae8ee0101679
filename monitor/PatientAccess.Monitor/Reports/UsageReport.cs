using System.Globalization;
using System.Text;

namespace PatientAccess.Monitor.Reports;

/// <summary>
/// The CMS-0057-F Patient Access API metrics for a period (README, "CMS usage report"): unique
/// members whose data went to an app they chose, and unique members whose data went more than
/// once, where one transfer is one app receiving the member's data on one UTC day.
/// </summary>
/// <param name="Period">The days counted, both ends included (UTC).</param>
/// <param name="UniqueMembers">Members (FHIR Patient ids) with at least one successful read or search by an app through the gateway.</param>
/// <param name="MembersMoreThanOnce">Of those, members with more than one transfer (a second day, or a second app).</param>
/// <param name="Transfers">Distinct (member, app, day) transfers.</param>
/// <param name="Requests">The successful reads and searches counted.</param>
internal sealed record UsageReport(UsagePeriod Period, long UniqueMembers, long MembersMoreThanOnce, long Transfers, long Requests)
{
    public const string Definition =
        "a transfer is one app receiving a member's data (successful FHIR read, vread, history or search through the gateway with the member's patient id) on one UTC calendar day; more than once = more than one transfer in the period";

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append("from,to,unique_members,members_more_than_once,transfers,requests\r\n");
        csv.Append(CultureInfo.InvariantCulture,
            $"{Period.From:yyyy-MM-dd},{Period.To:yyyy-MM-dd},{UniqueMembers},{MembersMoreThanOnce},{Transfers},{Requests}\r\n");
        return csv.ToString();
    }

    public object ToJson() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["from"] = Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["unique_members"] = UniqueMembers,
        ["members_more_than_once"] = MembersMoreThanOnce,
        ["transfers"] = Transfers,
        ["requests"] = Requests,
        ["definition"] = Definition,
    };
}
