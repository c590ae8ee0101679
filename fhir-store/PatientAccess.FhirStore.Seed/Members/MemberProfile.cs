namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Who a member is and how they are covered: everything the Patient and Coverage say.</summary>
internal sealed record MemberProfile
{
    /// <summary>The part of every id of this member's resources after the type prefix.</summary>
    public required string Key { get; init; }

    public required string PatientId { get; init; }

    public required string CoverageId { get; init; }

    public required string MemberId { get; init; }

    public required string Family { get; init; }

    public required IReadOnlyList<string> Given { get; init; }

    public required string Gender { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required string AddressLine { get; init; }

    public required Place Place { get; init; }

    public required string Phone { get; init; }

    public required string Email { get; init; }

    public required Heritage Heritage { get; init; }

    public required bool SpeaksSpanish { get; init; }

    public required HealthPlan Plan { get; init; }

    /// <summary>self, spouse or child, from the subscriber-relationship code system.</summary>
    public required string Relationship { get; init; }

    public required string SubscriberPatientId { get; init; }

    public required string SubscriberMemberId { get; init; }

    public required DateOnly CoverageStart { get; init; }

    /// <summary>Fixed clinical content for the demo member; null means drawn at random.</summary>
    public ClinicalScript? Script { get; init; }

    public string PatientReference => "Patient/" + PatientId;

    public string CoverageReference => "Coverage/" + CoverageId;

    public string DisplayName => string.Join(' ', Given) + " " + Family;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}
