using System.Text;

namespace PatientAccess.LoadTests.Http;

/// <summary>Names transport failures the way reports show error kinds.</summary>
internal static class HttpErrorKinds
{
    /// <summary>"ConnectionError" becomes "connection-error".</summary>
    public static string Of(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var name = exception.HttpRequestError.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
