using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// Reads a portal form that may carry a logo (multipart) after checking its size, then its
/// antiforgery token. A body over the limit is not read at all: the caller answers with the error
/// at the logo field (the only part that can be that large), never a 500.
/// </summary>
internal static class DeveloperForm
{
    /// <summary>Room for every field beside the logo.</summary>
    public const int FieldsBytes = 64 * 1024;

    public static async Task<(IFormCollection? Form, bool TooLarge)> ReadAsync(HttpContext context, int maxFileBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var limit = maxFileBytes + FieldsBytes;
        if (request.ContentLength > limit)
        {
            return (null, true);
        }

        if (!request.HasFormContentType)
        {
            return (null, false);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                BufferBodyLengthLimit = limit,
                MultipartBodyLengthLimit = limit,
                ValueLengthLimit = FieldsBytes,
                ValueCountLimit = 32,
                MultipartHeadersCountLimit = 16,
            }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            // A body without Content-Length that grew past the limit, or a malformed multipart body.
            return (null, request.ContentLength is null);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException)
        {
            return (null, false);
        }

        if (form.Any(f => f.Value.Count > 1) || form.Files.Count > 1)
        {
            return (null, false);
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, false);
        }

        return (form, false);
    }

    /// <summary>The uploaded file's bytes (at most <paramref name="maxBytes"/> + 1, enough to know it is too large), or null when none was chosen.</summary>
    public static async Task<byte[]?> FileBytesAsync(IFormFile? file, int maxBytes, CancellationToken cancellationToken)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(file.Length, maxBytes + 1L)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return file.Length > maxBytes ? new byte[maxBytes + 1] : buffer[..read];
    }
}
