using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>What a developer types for an app, from the page or the API. <see cref="Type"/> is null when editing (it cannot change).</summary>
internal sealed record ClientInput(string Name, ClientType? Type, IReadOnlyList<string> RedirectUris, string? Website)
{
    public const int MaxNameLength = 80;

    /// <summary>Redirect URLs as typed in the page's text area: one per line, blank lines ignored.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static ClientType? ParseType(string? value) => value switch
    {
        "confidential" => ClientType.Confidential,
        "public" => ClientType.Public,
        _ => null,
    };

    public static string NameOf(ClientType type) => type == ClientType.Confidential ? "confidential" : "public";

    /// <summary>Every problem, each tied to its field; empty when the input can be saved.</summary>
    public IReadOnlyList<InputProblem> Problems(bool creating, DeveloperPortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<InputProblem>();
        if (Name.Length is 0 or > MaxNameLength || Name.Any(char.IsControl))
        {
            problems.Add(new("name", "developer.name.error"));
        }

        if (creating && Type is null)
        {
            problems.Add(new("client_type", "developer.type.error"));
        }

        var (problem, uri) = RedirectUriRules.Check(RedirectUris, options.MaxRedirectUris, options.MaxUrlLength);
        if (problem != RedirectUriProblem.None)
        {
            problems.Add(new("redirect_uris", "developer.redirect." + problem.ToString().ToLowerInvariant(), uri));
        }

        if (Website is { Length: > 0 } site && !RedirectUriRules.IsWebsite(site, options.MaxUrlLength))
        {
            problems.Add(new("website", "developer.website.error"));
        }

        return problems;
    }
}
