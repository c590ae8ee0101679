using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Configuration;

/// <summary>
/// Data-annotation validation whose messages carry the configuration path of the
/// offending setting, so an operator reading the error knows exactly what to fix.
/// </summary>
internal sealed class SectionOptionsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault();
            var path = member is null ? section : $"{section}:{member}";
            return $"{path}: {r.ErrorMessage}";
        });
        return ValidateOptionsResult.Fail(failures);
    }
}
