using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Reads the request form (multipart: it carries the logo and the certificate) after checking the
/// antiforgery token. The body may hold both files at their limits and the text; a file over its
/// own limit is read only one byte past it, so <see cref="SubmissionCheck"/> can say "too large"
/// at the field. Null: a post to refuse outright (no token, malformed, far too large).
/// </summary>
internal static class ProductionForm
{
    private const int TextBytes = 64 * 1024;

    public static async Task<ProductionSubmission?> ReadAsync(HttpContext context, ProductionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var limit = (long)options.MaxLogoBytes + options.MaxCertificateBytes + TextBytes;
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentLength > limit)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                BufferBodyLengthLimit = limit,
                MultipartBodyLengthLimit = limit,
                ValueLengthLimit = SubmissionCheck.MaxLongText * 4,
                ValueCountLimit = 40,
            }, cancellationToken);
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }

        if (form.Any(f => f.Value.Count > 1) || form.Files.Count > 2)
        {
            return null;
        }

        string? Value(string name) => form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;
        return new ProductionSubmission
        {
            Company = Value("company"),
            Description = Value("description"),
            Purpose = Value("purpose"),
            Customers = Value("customers"),
            ConsumerCost = Value("consumer_cost"),
            TermsOfServiceUri = Value("terms_of_service_uri"),
            PrivacyPolicyUri = Value("privacy_policy_uri"),
            SupportEmail = Value("support_email"),
            SecurityContact = Value("security_contact"),
            TestInstance = Value("test_instance"),
            ShareWithCustomers = Value("share_with_customers"),
            Plans = Value("plans"),
            PlanNames = Value("plan_names"),
            Answers = [.. Enumerable.Range(1, AttestationRule.Questions).Select(q => Value("q" + q.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            Logo = await FileAsync(form.Files.GetFile("logo"), options.MaxLogoBytes, cancellationToken),
            Certificate = await FileAsync(form.Files.GetFile("certificate"), options.MaxCertificateBytes, cancellationToken),
        };
    }

    /// <summary>The file's bytes, at most one past <paramref name="limit"/>; null when none was chosen (browsers send an empty part).</summary>
    private static async Task<byte[]?> FileAsync(IFormFile? file, int limit, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        var buffer = new byte[(int)Math.Min(file.Length, limit + 1L)];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
