using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Api;

namespace PatientAccess.Monitor.Staff;

/// <summary>
/// Every request on the public port needs <c>Authorization: Bearer &lt;staff key&gt;</c>, checked
/// against <see cref="StaffOptions.KeyHashes"/> in constant time (every hash compared, whatever
/// matches). Anything else, an app's access token included (a JWT is not a staff key, whoever
/// signed it), is 401 as an OperationOutcome. <c>/health/*</c> and <c>/metrics</c> are served on
/// the management port only, which this step never sees.
/// </summary>
internal sealed class StaffCredentialMiddleware(RequestDelegate next, IOptions<StaffOptions> options)
{
    private const int MaxKeyLength = 512;
    private readonly byte[][] _hashes = [.. options.Value.KeyHashes.Select(Convert.FromHexString)];

    public Task InvokeAsync(HttpContext context)
    {
        if (IsStaff(context.Request.Headers.Authorization))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-staff\"";
        return OperationOutcomes.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "login", "a staff key is required (Authorization: Bearer <staff key>)");
    }

    private bool IsStaff(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (header.Count != 1 || !AuthenticationHeaderValue.TryParse(header[0], out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || value.Parameter is not { Length: > 0 and <= MaxKeyLength } key)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var match = false;
        foreach (var known in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return match;
    }
}
