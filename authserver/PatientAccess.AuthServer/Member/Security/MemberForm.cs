using Microsoft.AspNetCore.Antiforgery;

namespace PatientAccess.AuthServer.Member.Security;

/// <summary>
/// Reads a member form after checking it came from our own page (antiforgery token in the form
/// matching the SameSite=Strict antiforgery cookie) and is of a sane size. Null: refuse the post.
/// </summary>
internal static class MemberForm
{
    /// <summary>Far above any real member form; a bigger body is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Every field is capped too; pages also apply tighter per-field limits.</summary>
    public const int MaxFieldLength = 512;

    public static async Task<IFormCollection?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                BufferBodyLengthLimit = MaxBodyBytes,
                ValueLengthLimit = MaxBodyBytes,
                ValueCountLimit = 32,
                MultipartBodyLengthLimit = MaxBodyBytes,
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }

        if (form.Any(f => f.Value.Count > 1 || f.Value.ToString().Length > MaxFieldLength))
        {
            return null;
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return form;
    }
}
