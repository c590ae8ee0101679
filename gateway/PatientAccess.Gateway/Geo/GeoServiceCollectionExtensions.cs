using Microsoft.Extensions.Options;
using PatientAccess.Geo.Country;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Reloading;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Gateway.Geo;

internal static partial class GeoServiceCollectionExtensions
{
    /// <summary>The country database (loaded and verified at start, reloaded on change) and the US-only rule.</summary>
    public static IServiceCollection AddGeoRule(this IServiceCollection services)
    {
        services.AddValidatedOptions<GeoOptions>(GeoOptions.Section)
            .Validate(o => File.Exists(FullPath(o.DatabasePath)), "Geo:DatabasePath: the country database file does not exist (gateway/PatientAccess.Geo/Data/fetch-default-db.sh installs the default)");
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GeoOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PatientAccess.Gateway.Geo");
            ReloadingCountryDatabase database;
            try
            {
                database = new ReloadingCountryDatabase(FullPath(options.DatabasePath));
            }
            catch (Exception ex) when (ex is InvalidDatabaseException or IOException)
            {
                throw new OptionsValidationException(GeoOptions.Section, typeof(GeoOptions), [$"Geo:DatabasePath: {ex.Message}"]);
            }

            database.Reloaded += (_, e) => LogReloaded(logger, e.Message);
            database.ReloadFailed += (_, e) => LogReloadFailed(logger, e.Message);
            return database;
        });
        services.AddSingleton<ICountryLookup>(sp => sp.GetRequiredService<ReloadingCountryDatabase>());
        services.AddSingleton<GeoRule>();
        return services;
    }

    internal static string FullPath(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Country database reloaded: {Detail}")]
    private static partial void LogReloaded(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Country database reload failed: {Detail}")]
    private static partial void LogReloadFailed(ILogger logger, string detail);
}
