using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>The member's CareTeam and, for members with chronic problems, Goals and a CarePlan that ties them together.</summary>
internal static class CarePlanWriter
{
    private const string Profiles = "http://hl7.org/fhir/us/core/StructureDefinition/";

    public static void Write(MemberContext context, IReadOnlyList<ChronicProblem> problems)
    {
        var careTeam = CareTeam(context);
        if (problems.Count == 0)
        {
            return;
        }

        var goals = new JsonArray();
        foreach (var problem in problems.Take(2))
        {
            goals.Add(Fhir.Reference(Goal(context, problem)));
        }

        var created = context.HistoryStart;
        context.Add(new JsonObject
        {
            ["resourceType"] = "CarePlan",
            ["id"] = context.NextId("careplan"),
            ["meta"] = context.Meta(Profiles + "us-core-careplan"),
            ["text"] = Fhir.Narrative("Chronic care plan: " + string.Join("; ", problems.Select(p => p.Condition.Diagnosis.Display))),
            ["status"] = "active",
            ["intent"] = "plan",
            ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.CarePlanCategory, "assess-plan", "Assessment and Plan of Treatment")),
            ["title"] = "Chronic condition management",
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["period"] = new JsonObject { ["start"] = Fhir.Date(created) },
            ["created"] = Fhir.Date(created),
            ["author"] = Fhir.Reference(context.PrimaryCare.Reference, context.PrimaryCare.DisplayName),
            ["careTeam"] = Fhir.Array(Fhir.Reference(careTeam)),
            ["addresses"] = new JsonArray([.. problems.Select(p => (JsonNode)Fhir.Reference(p.Reference))]),
            ["goal"] = goals,
        });
    }

    private static string CareTeam(MemberContext context)
    {
        var participants = new JsonArray(Participant(context.PrimaryCare.Reference, context.PrimaryCare.DisplayName, "Primary care provider"));
        foreach (var specialist in context.Specialists.Distinct().Take(3))
        {
            participants.Add(Participant(specialist.Reference, specialist.DisplayName, specialist.Specialty.Taxonomy.Display));
        }

        participants.Add(Participant(context.PrimaryCare.Site.OrganizationReference, context.PrimaryCare.Site.Name, "Primary care practice"));
        return context.Add(new JsonObject
        {
            ["resourceType"] = "CareTeam",
            ["id"] = context.NextId("careteam"),
            ["meta"] = context.Meta(Profiles + "us-core-careteam"),
            ["status"] = "active",
            ["name"] = "Care team of " + context.Member.DisplayName,
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["period"] = new JsonObject { ["start"] = Fhir.Date(context.HistoryStart) },
            ["participant"] = participants,
            ["managingOrganization"] = Fhir.Array(Fhir.Reference(context.PrimaryCare.Site.OrganizationReference)),
        });
    }

    private static JsonObject Participant(string reference, string display, string role) => new()
    {
        ["role"] = Fhir.Array(new JsonObject { ["text"] = role }),
        ["member"] = Fhir.Reference(reference, display),
    };

    private static string Goal(MemberContext context, ChronicProblem problem)
    {
        var target = problem.Condition.Diagnosis.Code switch
        {
            "E11.9" => "Hemoglobin A1c below 7%",
            "I10" => "Blood pressure below 130/80 mmHg",
            "E78.5" or "I25.10" => "LDL cholesterol below 100 mg/dL",
            "E66.9" => "Lose 5% of body weight in six months",
            "M17.11" => "Walk 30 minutes a day without knee pain",
            "J45.909" => "No more than two rescue inhaler uses a week",
            _ => "Symptoms controlled on current treatment",
        };
        return context.Add(new JsonObject
        {
            ["resourceType"] = "Goal",
            ["id"] = context.NextId("goal"),
            ["meta"] = context.Meta(Profiles + "us-core-goal"),
            ["lifecycleStatus"] = "active",
            ["achievementStatus"] = Fhir.Concept("http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress", "In Progress"),
            ["description"] = new JsonObject { ["text"] = target },
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["startDate"] = Fhir.Date(context.HistoryStart),
            ["target"] = Fhir.Array(new JsonObject { ["dueDate"] = Fhir.Date(context.ReferenceDate.AddMonths(6)) }),
            ["addresses"] = Fhir.Array(Fhir.Reference(problem.Reference)),
        });
    }
}
