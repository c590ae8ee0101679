using System.Globalization;
using System.Net.Mail;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Checks a <see cref="ProductionSubmission"/> field by field, in the developer's language: each
/// problem names its field (the form shows it there; the API returns it under that name), and
/// each non-qualifying attestation answer names its question and why.
/// </summary>
internal static class SubmissionCheck
{
    public const int MaxShortText = 200;
    public const int MaxLongText = 2000;
    public const int MaxUriLength = 500;

    public static IReadOnlyList<FieldError> Check(ProductionSubmission submission, MemberText t, ProductionOptions options, (int Width, int Height)? currentLogo)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();
        void Add(string field, string key, params object?[] args) => errors.Add(new FieldError(field, t.Format("production." + key, args)));

        Text("company", submission.Company, MaxShortText);
        Text("description", submission.Description, 1000);
        Text("purpose", submission.Purpose, MaxLongText);
        if (submission.Customers is not ("consumers" or "organizations" or "both"))
        {
            Add("customers", "customers.error");
        }
        else if (submission.Customers != "organizations")
        {
            Text("consumer_cost", submission.ConsumerCost, MaxShortText);
        }

        Https("terms_of_service_uri", submission.TermsOfServiceUri);
        Https("privacy_policy_uri", submission.PrivacyPolicyUri);
        Email("support_email", submission.SupportEmail);
        Email("security_contact", submission.SecurityContact);
        YesNo("test_instance", submission.TestInstance);
        YesNo("share_with_customers", submission.ShareWithCustomers);
        if (submission.Plans is not ("all" or "named"))
        {
            Add("plans", "plans.error");
        }
        else if (submission.Plans == "named")
        {
            Text("plan_names", submission.PlanNames, MaxShortText);
        }

        if (submission.Logo is { } logo)
        {
            var image = logo.Length > options.MaxLogoBytes ? null : FileContent.Image(logo);
            if (logo.Length > options.MaxLogoBytes)
            {
                Add("logo", "logo.tooLarge", options.MaxLogoBytes / 1024);
            }
            else if (image is null)
            {
                Add("logo", "logo.notImage");
            }
            else if (image.Value.Width != image.Value.Height)
            {
                Add("logo", "logo.notSquare", image.Value.Width, image.Value.Height);
            }
            else if (image.Value.Width < options.MinLogoPixels)
            {
                Add("logo", "logo.tooSmall", options.MinLogoPixels);
            }
        }
        else if (currentLogo is not { } current)
        {
            Add("logo", "logo.required");
        }
        else if (current.Width != current.Height)
        {
            Add("logo", "logo.currentNotSquare", current.Width, current.Height);
        }

        var certificateOk = false;
        if (submission.Certificate is { } certificate)
        {
            if (certificate.Length > options.MaxCertificateBytes)
            {
                Add("certificate", "certificate.tooLarge", options.MaxCertificateBytes / 1024 / 1024);
            }
            else if (FileContent.Document(certificate) is null)
            {
                Add("certificate", "certificate.notDocument");
            }
            else
            {
                certificateOk = true;
            }
        }

        var answers = submission.Answers.Count == AttestationRule.Questions ? submission.Answers.Select(AttestationRule.Parse).ToList() : [.. new AttestationAnswer?[AttestationRule.Questions]];
        foreach (var problem in AttestationRule.Judge(answers, certificateOk || (submission.Certificate is not null && errors.Any(e => e.Field == "certificate"))))
        {
            var question = t[$"production.q{problem.Question.ToString(CultureInfo.InvariantCulture)}.short"];
            errors.Add(new FieldError(problem.Field, t.Format("production." + problem.ReasonKey, problem.Question, question)));
        }

        return errors;

        void Text(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, field + ".error");
            }
            else if (value.Trim().Length > max)
            {
                Add(field, "tooLong", max);
            }
        }

        void Https(string field, string? value)
        {
            var ok = value is { Length: <= MaxUriLength } && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
                && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && uri.Host.Length > 0;
            if (!ok)
            {
                Add(field, "https.error");
            }
        }

        void Email(string field, string? value)
        {
            var ok = value is { Length: > 0 and <= 254 } && MailAddress.TryCreate(value.Trim(), out var address)
                && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
            if (!ok)
            {
                Add(field, "email.error");
            }
        }

        void YesNo(string field, string? value)
        {
            if (value is not ("yes" or "no"))
            {
                Add(field, field + ".error");
            }
        }
    }
}
