namespace PatientAccess.Gateway.Methods;

/// <summary>
/// Refuses request targets whose meaning could differ between the gateway and the store: only
/// origin-form targets (<c>/path?query</c>) pass, and their path may not hold dot segments,
/// empty segments, backslashes or percent-encoded dots, slashes, backslashes, percent signs or
/// NUL. The compartment check reads the path; a path the store could decode differently
/// (<c>Patient/me%2F..%2Fother</c>) would let a request slip past it.
/// </summary>
public static class RequestTargetRule
{
    private static readonly string[] ForbiddenEncodings = ["%2e", "%2f", "%5c", "%25", "%00"];

    /// <summary>Null when the target is acceptable, else why not.</summary>
    public static string? Check(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        if (!rawTarget.StartsWith('/'))
        {
            return "the request target must be a path (origin-form), not an absolute URI";
        }

        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "the request path may not contain a backslash";
        }

        foreach (var encoding in ForbiddenEncodings)
        {
            if (path.Contains(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return "the request path may not contain encoded dots, slashes, backslashes, percent signs or NUL";
            }
        }

        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] is "." or "..")
            {
                return "the request path may not contain dot segments";
            }

            if (segments[i].Length == 0 && i < segments.Length - 1)
            {
                return "the request path may not contain empty segments";
            }
        }

        return null;
    }
}
