using PatientAccess.FhirStore.Seed.Clinical;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Writes one member's complete record, in an order where targets come before what refers to them.</summary>
internal static class MemberRecord
{
    public static IReadOnlyList<GeneratedResource> Write(MemberContext context)
    {
        var scripted = context.Member.Script is not null;
        PatientWriter.Write(context);
        var problems = ChronicCare.Write(context);
        AllergyWriter.Write(context, scripted ? 2 : null);
        OfficeCare.Write(context, problems, scripted);
        FacilityCare.Write(context, problems);
        SensitiveCare.Write(context);
        ImmunizationWriter.Write(context, scripted);
        CarePlanWriter.Write(context, problems);
        ProvenanceWriter.Write(context);
        return context.Resources;
    }
}
