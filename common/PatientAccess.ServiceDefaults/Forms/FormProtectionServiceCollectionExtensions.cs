using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.ServiceDefaults.Forms;

/// <summary>
/// What every service with server-rendered forms needs the same way (the authserver's member,
/// portal and staff pages; the monitor's review pages): antiforgery tokens in a strict, HTTP-only
/// cookie and the form field <c>__csrf</c>, encrypted with Data Protection keys kept in the data
/// folder, so a form opened before a restart still posts and processes on one folder share them.
/// </summary>
public static class FormProtectionServiceCollectionExtensions
{
    /// <summary>The hidden form field that carries the antiforgery token.</summary>
    public const string FormFieldName = "__csrf";

    public static IServiceCollection AddFormProtection(this IServiceCollection services, string applicationName, string cookieName, string cookiePath)
    {
        services.AddDataProtection().SetApplicationName(applicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            var folder = Path.Combine(Path.GetFullPath(provider.GetRequiredService<IOptions<ServiceOptions>>().Value.DataDirectory), "dataprotection-keys");
            options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(folder), provider.GetRequiredService<ILoggerFactory>());
        }));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookieName;
            options.Cookie.Path = cookiePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = FormFieldName;
            // The pages send their own frame rules (Content-Security-Policy frame-ancestors).
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }
}
