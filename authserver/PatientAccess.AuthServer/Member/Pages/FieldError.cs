namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>A problem with one form field (<see cref="Field"/> is the input's id), shown beside it and in the page's error summary.</summary>
internal sealed record FieldError(string Field, string Message);
