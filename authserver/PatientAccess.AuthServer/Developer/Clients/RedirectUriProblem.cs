namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>Why a redirect URL cannot be registered; each has its own message (<c>developer.redirect.{name}</c>).</summary>
internal enum RedirectUriProblem
{
    None,
    Missing,
    TooMany,
    TooLong,

    /// <summary>Spaces, control characters, backslashes or characters outside ASCII (percent-encode them).</summary>
    Characters,
    NotAbsolute,

    /// <summary>Neither https nor http.</summary>
    Scheme,

    /// <summary>http anywhere but 127.0.0.1, [::1] or localhost.</summary>
    HttpNotLoopback,
    Fragment,
    Wildcard,
    UserInfo,
    Duplicate,
}
