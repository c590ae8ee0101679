namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>What inspecting an upload found: a problem, or the image's real content type and size.</summary>
internal sealed record LogoCheck(LogoProblem Problem, string? ContentType = null, int Width = 0, int Height = 0)
{
    public bool IsValid => Problem == LogoProblem.None;
}
