using System.Text.Json;
using PatientAccess.Fhir.FhirPath;
using PatientAccess.Fhir.Tests.Fixtures;

namespace PatientAccess.Fhir.Tests.Unit.FhirPath;

public sealed class FhirPathExpressionTests
{
    [Fact]
    public void Parse_EveryKeptSearchParameterExpression_Parses()
    {
        var failures = new List<string>();
        var parsed = 0;
        foreach (var (id, expression) in DefinitionExpressions())
        {
            try
            {
                FhirPathExpression.Parse(expression);
                parsed++;
            }
            catch (FhirPathException e)
            {
                failures.Add($"{id}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(parsed > 300, $"only {parsed} expressions found");
    }

    [Fact]
    public void Parse_SameText_ReturnsCachedInstance()
    {
        Assert.Same(FhirPathExpression.Parse("Patient.name.family"), FhirPathExpression.Parse("Patient.name.family"));
    }

    [Theory]
    [InlineData("Patient.name[0]", "'['")]
    [InlineData("Patient.name.count()", "Function 'count'")]
    [InlineData("Observation.value > 5", "'>'")]
    [InlineData("%resource.id", "'%'")]
    [InlineData("$this.id", "'$'")]
    [InlineData("Patient.name.where(use = 'official'", "Expected ')'")]
    [InlineData("Patient.link.other.resolve().name", "Only a type test can follow resolve()")]
    [InlineData("Patient.deceased xor true", "Unexpected 'xor'")]
    [InlineData("Observation.value as FHIR.Quantity", "Qualified type names")]
    [InlineData("Patient.name | ", "Unexpected end")]
    [InlineData("   ", "cannot be empty")]
    public void Parse_UnsupportedOrMalformed_ThrowsWithReason(string expression, string reason)
    {
        var error = Assert.Throws<FhirPathException>(() => FhirPathExpression.Parse(expression));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PathThroughArrays_Flattens()
    {
        var values = Strings("Patient.name.given", FhirResources.Patient);

        Assert.Equal(["John", "Quincy"], values);
    }

    [Fact]
    public void Evaluate_ChoiceBaseName_FindsConcreteElementWithItsType()
    {
        var values = FhirPathExpression.Parse("Observation.value").Evaluate(FhirResources.Parse(FhirResources.WeightObservation));

        var value = Assert.Single(values);
        Assert.Equal("Quantity", value.TypeName);
        Assert.Equal(82.5m, value.Element.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("Observation.value as Quantity", 1)]
    [InlineData("(Observation.value as Quantity)", 1)]
    [InlineData("Observation.value.as(Quantity)", 1)]
    [InlineData("Observation.value.ofType(Quantity)", 1)]
    [InlineData("Observation.value as CodeableConcept", 0)]
    [InlineData("Observation.value as string", 0)]
    [InlineData("(Observation.effective as dateTime)", 1)]
    [InlineData("Observation.effective.as(DateTime)", 1)]
    [InlineData("Observation.effective as Period", 0)]
    public void Evaluate_TypeFilter_KeepsOnlyThatChoice(string expression, int expected)
    {
        var values = FhirPathExpression.Parse(expression).Evaluate(FhirResources.Parse(FhirResources.WeightObservation));

        Assert.Equal(expected, values.Count);
    }

    [Fact]
    public void Evaluate_AsOnAgeProfile_MatchesQuantity()
    {
        var condition = FhirResources.With(FhirResources.Condition, "onsetAge", """{ "value": 40, "unit": "a" }""");

        Assert.Single(FhirPathExpression.Parse("Condition.onset.as(Age)").Evaluate(condition));
        Assert.Single(FhirPathExpression.Parse("Condition.onset as Quantity").Evaluate(condition));
    }

    [Theory]
    [InlineData("Patient/john-allen", 1)]
    [InlineData("https://fhir.example.org/r4/Patient/john-allen", 1)]
    [InlineData("Patient/john-allen/_history/3", 1)]
    [InlineData("Group/household-7", 0)]
    [InlineData("https://fhir.example.org/r4/Group/household-7", 0)]
    [InlineData("#contained-patient", 1)]
    [InlineData("#contained-group", 0)]
    public void Evaluate_WhereResolveIsPatient_DecidesByReferenceType(string reference, int expected)
    {
        var condition = FhirResources.With(FhirResources.Condition, "subject", $$"""{ "reference": "{{reference}}" }""");
        var withContained = FhirResources.With(
            condition.GetRawText(),
            "contained",
            """[{ "resourceType": "Patient", "id": "contained-patient" }, { "resourceType": "Group", "id": "contained-group", "type": "person", "actual": true }]""");

        var values = FhirPathExpression.Parse("Condition.subject.where(resolve() is Patient)").Evaluate(withContained);

        Assert.Equal(expected, values.Count);
    }

    [Fact]
    public void Evaluate_WhereWithEquality_FiltersItems()
    {
        Assert.Equal(["john.allen@example.org"], Strings("Patient.telecom.where(system='email').value", FhirResources.Patient));
    }

    [Fact]
    public void Evaluate_Union_CombinesBranches()
    {
        var values = Strings("Patient.name.family | Patient.address.city | Practitioner.name.family", FhirResources.Patient);

        Assert.Equal(["Allen", "Boston"], values);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("\"deceasedBoolean\": false", false)]
    [InlineData("\"deceasedBoolean\": true", true)]
    [InlineData("\"deceasedDateTime\": \"2023-04-01\"", true)]
    public void Evaluate_DeceasedExpression_FollowsThreeValuedLogic(string? deceased, bool expected)
    {
        var patient = deceased is null
            ? FhirResources.Parse(FhirResources.Patient)
            : FhirResources.Parse(FhirResources.Patient.Replace("\"active\": true", deceased + ", \"active\": true", StringComparison.Ordinal));

        var values = FhirPathExpression.Parse("Patient.deceased.exists() and Patient.deceased != false").Evaluate(patient);

        Assert.Equal(expected, Assert.Single(values).Element.GetBoolean());
    }

    [Fact]
    public void Evaluate_ExtensionByUrl_SelectsMatchingExtensions()
    {
        var patient = FhirResources.With(
            FhirResources.Patient,
            "extension",
            """
            [
              { "url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "M" },
              { "url": "http://example.org/other", "valueString": "x" }
            ]
            """);

        var values = FhirPathExpression.Parse("Patient.extension('http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex').value")
            .Evaluate(patient);

        Assert.Equal("M", Assert.Single(values).Element.GetString());
    }

    [Fact]
    public void Evaluate_FirstAndExists_ReturnExpectedValues()
    {
        Assert.Equal(["John"], Strings("Patient.name.given.first()", FhirResources.Patient));
        var exists = FhirPathExpression.Parse("Patient.photo.exists()").Evaluate(FhirResources.Parse(FhirResources.Patient));
        Assert.False(Assert.Single(exists).Element.GetBoolean());
    }

    [Fact]
    public void Evaluate_OtherResourceTypeRoot_ReturnsNothing()
    {
        Assert.Empty(FhirPathExpression.Parse("Practitioner.name").Evaluate(FhirResources.Parse(FhirResources.Patient)));
    }

    [Fact]
    public void RestrictTo_MultiTypeUnion_KeepsOnlyThatTypesBranches()
    {
        var expression = FhirPathExpression.Parse(
            "AllergyIntolerance.code | AllergyIntolerance.reaction.substance | Condition.code | (MedicationRequest.medication as CodeableConcept)");

        Assert.Equal("(MedicationRequest.medication as CodeableConcept)", expression.RestrictTo("MedicationRequest")!.Text);
        Assert.Equal("AllergyIntolerance.code | AllergyIntolerance.reaction.substance", expression.RestrictTo("AllergyIntolerance")!.Text);
        Assert.Null(expression.RestrictTo("Patient"));
    }

    [Fact]
    public void RestrictTo_ResourceRootedExpression_AppliesToEveryType()
    {
        var restricted = FhirPathExpression.Parse("Resource.meta.lastUpdated").RestrictTo("Coverage");

        Assert.Equal("Resource.meta.lastUpdated", restricted!.Text);
        Assert.Equal(["2024-01-15T10:30:00Z"], Strings(restricted.Text, FhirResources.Patient));
    }

    private static List<string> Strings(string expression, string json) =>
        [.. FhirPathExpression.Parse(expression).Evaluate(FhirResources.Parse(json)).Select(v => v.Element.GetString()!)];

    private static IEnumerable<(string Id, string Expression)> DefinitionExpressions()
    {
        using var stream = typeof(FhirPathExpression).Assembly
            .GetManifestResourceStream("PatientAccess.Fhir.Definitions.search-parameters.json")!;
        using var document = JsonDocument.Parse(stream);
        foreach (var parameter in document.RootElement.GetProperty("searchParameters").EnumerateArray())
        {
            var id = parameter.GetProperty("id").GetString()!;
            if (parameter.TryGetProperty("expression", out var expression))
            {
                yield return (id, expression.GetString()!);
            }

            if (parameter.TryGetProperty("component", out var components))
            {
                foreach (var component in components.EnumerateArray())
                {
                    yield return (id + " component", component.GetProperty("expression").GetString()!);
                }
            }
        }
    }
}
