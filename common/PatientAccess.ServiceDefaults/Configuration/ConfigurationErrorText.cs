using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Configuration;

/// <summary>Turns startup configuration exceptions into lines an operator can act on.</summary>
public static class ConfigurationErrorText
{
    public static string FromBinderError(InvalidOperationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // The binder's own text already names the path and the value, for example
        // "Failed to convert configuration value 'abc' at 'Service:Port' to type 'System.Int32'."
        return error.Message;
    }

    /// <summary>The configuration failures inside <paramref name="error"/>, or none if it is something else.</summary>
    public static IReadOnlyList<string> Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            OptionsValidationException ove => ove.Failures.ToList(),
            AggregateException agg => agg.InnerExceptions.SelectMany(Describe).ToList(),
            _ when error.InnerException is not null => Describe(error.InnerException),
            _ => [],
        };
    }
}
