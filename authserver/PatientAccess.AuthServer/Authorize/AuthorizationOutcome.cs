namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// Where the member goes after approving or denying: back to the app (<see cref="RedirectUri"/>),
/// or, when the request is unknown or the app was blocked meanwhile, nowhere (<see cref="Problem"/>
/// is then shown on the server's own page; an unknown request never redirects).
/// </summary>
internal sealed record AuthorizationOutcome(Uri? RedirectUri, string? Problem)
{
    public static AuthorizationOutcome Redirect(Uri uri) => new(uri, null);

    public static AuthorizationOutcome Rejected(string problem) => new(null, problem);
}
