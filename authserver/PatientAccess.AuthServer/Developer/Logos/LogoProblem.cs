namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>Why an upload is not a usable logo; each has its own message (<c>developer.logo.{name}</c>).</summary>
internal enum LogoProblem
{
    None,
    Empty,

    /// <summary>More bytes than <see cref="DeveloperPortalOptions.MaxLogoBytes"/>.</summary>
    TooLarge,

    /// <summary>Not a PNG or JPEG by its content (GIF, SVG, HTML, a zip...), whatever its name or type says.</summary>
    NotAnImage,

    /// <summary>Starts like a PNG or JPEG but its structure does not hold (truncated, bad checksums, trailing data).</summary>
    Damaged,
    TooFewPixels,
    TooManyPixels,
}
