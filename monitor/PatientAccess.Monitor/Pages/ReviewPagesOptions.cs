using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Pages;

/// <summary>The review pages for people (<c>/reviews</c>). Section <c>ReviewPages</c>.</summary>
public sealed class ReviewPagesOptions
{
    public const string Section = "ReviewPages";

    /// <summary>
    /// How long a staff sign-in lasts, from sign-in (not renewed by use), in minutes. Default 30:
    /// long enough to work through the queue, short enough that a browser left open does not keep
    /// the power to revoke apps for the day.
    /// </summary>
    [Range(1, 720, ErrorMessage = "must be from 1 to 720 minutes")]
    public int SessionMinutes { get; set; } = 30;
}
