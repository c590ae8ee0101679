using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Configuration;

/// <summary>
/// The one way services register options: bound from a configuration section (so
/// environment variables such as <c>Service__Port</c> override appsettings), validated
/// with data annotations, and checked when the host starts so that a service never
/// runs half-configured. Errors name the full setting path (<c>Service:Port</c>).
/// </summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<T>>(new SectionOptionsValidator<T>(section));
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => BindSection(options, configuration, section))
            .ValidateOnStart();
    }

    // The binder reports a bad value ("abc" for a port) as an InvalidOperationException
    // the first time options are read; turning it into a validation failure lets startup
    // report it like every other configuration error.
    private static void BindSection<T>(T options, IConfiguration configuration, string section)
        where T : class
    {
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(section, typeof(T), [ConfigurationErrorText.FromBinderError(ex)]);
        }
    }
}
