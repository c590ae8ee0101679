using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Production;
using static PatientAccess.AuthServer.Production.AttestationAnswer;

namespace PatientAccess.AuthServer.Tests.Unit.Production;

/// <summary>The qualification rule of the ten-question attestation: all Yes, with exactly the two exceptions the issue allows.</summary>
public sealed class AttestationRuleTests
{
    public static TheoryData<int> QuestionsTwoToTen => [2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Judge_Question1No_RestYes_Qualifies() => Assert.Empty(AttestationRule.Judge(Answers(), certificateAttached: false));

    [Fact]
    public void Judge_AllTenYesWithTheCertificate_Qualifies() => Assert.Empty(AttestationRule.Judge(Answers((1, Yes)), certificateAttached: true));

    [Theory]
    [MemberData(nameof(QuestionsTwoToTen))]
    public void Judge_NoToOneQuestion_RefusedNamingThatQuestionOnly(int question)
    {
        // Question 5 may be No only when 4 is Yes, so its No is tested with 4 No as well.
        var answers = question == 5 ? Answers((5, No), (4, No)) : Answers((question, No));
        var problems = AttestationRule.Judge(answers, certificateAttached: false);
        Assert.Contains(new AttestationProblem(question, AttestationRule.NoDisqualifies), problems);
        Assert.All(problems, p => Assert.True(p.Question == question || (question == 5 && p.Question == 4), p.ToString()));
        Assert.Equal("q" + question, problems.First(p => p.Question == question).Field);
    }

    [Fact]
    public void Judge_Question5NoWithQuestion4Yes_Qualifies() => Assert.Empty(AttestationRule.Judge(Answers((5, No)), certificateAttached: false));

    [Fact]
    public void Judge_CertifiedWithCertificate_RestNotApplicable_Qualifies()
    {
        var answers = Enumerable.Repeat<AttestationAnswer?>(NotApplicable, 10).ToArray();
        answers[0] = Yes;
        Assert.Empty(AttestationRule.Judge(answers, certificateAttached: true));
    }

    [Fact]
    public void Judge_CertifiedWithoutCertificate_RefusedAtQuestion1() =>
        Assert.Equal([new AttestationProblem(1, AttestationRule.CertificateMissing)], AttestationRule.Judge(Answers((1, Yes)), certificateAttached: false));

    [Theory]
    [MemberData(nameof(QuestionsTwoToTen))]
    public void Judge_NotApplicableWithoutCertification_RefusedAtThatQuestion(int question) =>
        Assert.Equal([new AttestationProblem(question, AttestationRule.NotApplicableNeedsCertificate)], AttestationRule.Judge(Answers((1, No), (question, NotApplicable)), certificateAttached: false));

    [Fact]
    public void Judge_CertifiedButANoElsewhere_StillRefused() =>
        Assert.Equal([new AttestationProblem(8, AttestationRule.NoDisqualifies)], AttestationRule.Judge(Answers((1, Yes), (8, No)), certificateAttached: true));

    [Fact]
    public void Judge_Question1NotApplicable_Refused() =>
        Assert.Equal([new AttestationProblem(1, AttestationRule.NotApplicableForCertification)], AttestationRule.Judge(Answers((1, NotApplicable)), certificateAttached: false));

    [Fact]
    public void Judge_Unanswered_RefusedAtEachMissingQuestion()
    {
        var answers = Answers();
        answers[2] = null;
        answers[9] = null;
        Assert.Equal([new AttestationProblem(3, AttestationRule.Missing), new AttestationProblem(10, AttestationRule.Missing)], AttestationRule.Judge(answers, certificateAttached: false));
    }

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData(" YES ", "yes")]
    [InlineData("no", "no")]
    [InlineData("na", "na")]
    [InlineData("N/A", "na")]
    [InlineData("maybe", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_Text_AnswerOrNothing(string? text, string? expected) =>
        Assert.Equal(expected, AttestationRule.Parse(text) is { } answer ? AttestationRule.Text(answer) : null);

    [Fact]
    public void Check_NonQualifyingAnswer_MessageNamesTheQuestionInBothLanguages()
    {
        var submission = new ProductionSubmission { Answers = ["no", "yes", "yes", "yes", "yes", "yes", "yes", "no", "yes", "yes"] };
        var en = SubmissionCheck.Check(submission, MemberText.For(MemberText.English), new ProductionOptions(), currentLogo: (128, 128)).Single(e => e.Field == "q8");
        var es = SubmissionCheck.Check(submission, MemberText.For(MemberText.Spanish), new ProductionOptions(), currentLogo: (128, 128)).Single(e => e.Field == "q8");
        Assert.Equal("Question 8 (data only in the USA): a No answer disqualifies the app from production access.", en.Message);
        Assert.Equal("Pregunta 8 (datos solo en los EE. UU.): una respuesta No descalifica a la aplicación para el acceso de producción.", es.Message);
    }

    /// <summary>Not certified (question 1 No), every other answer Yes, then the changes.</summary>
    private static AttestationAnswer?[] Answers(params (int Question, AttestationAnswer Answer)[] changes)
    {
        var answers = Enumerable.Repeat<AttestationAnswer?>(Yes, 10).ToArray();
        answers[0] = No;
        foreach (var (question, answer) in changes)
        {
            answers[question - 1] = answer;
        }

        return answers;
    }
}
