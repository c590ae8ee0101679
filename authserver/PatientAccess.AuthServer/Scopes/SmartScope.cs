namespace PatientAccess.AuthServer.Scopes;

/// <summary>
/// A SMART resource scope, <c>context/Type.permissions[?query]</c>. <see cref="Permissions"/>
/// is normalised to SMART v2 letters (c, r, u, d, s); <see cref="IsV1"/> remembers the syntax
/// the app used so the granted scope is written back in it.
/// </summary>
internal sealed record SmartScope(string Context, string ResourceType, string Permissions, string Query, bool IsV1)
{
    /// <summary>Only these two ever leave this server: the Patient Access API is read-only.</summary>
    public const string ReadOnlyPermissions = "rs";

    public SmartScope ReadOnly() => this with { Permissions = new string([.. Permissions.Where(ReadOnlyPermissions.Contains)]) };

    public bool IsEmpty => Permissions.Length == 0;

    /// <summary>Whether every access this scope gives is also given by <paramref name="other"/>.</summary>
    public bool IsCoveredBy(SmartScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Context, other.Context, StringComparison.Ordinal)
            && (other.ResourceType == "*" || string.Equals(ResourceType, other.ResourceType, StringComparison.Ordinal))
            && Permissions.All(other.Permissions.Contains)
            && (other.Query.Length == 0 || string.Equals(Query, other.Query, StringComparison.Ordinal));
    }

    public override string ToString()
    {
        // v1 has one word for read+search; a v1 scope that lost one of the two is written in v2.
        var permissions = IsV1 && Permissions == ReadOnlyPermissions ? "read"
            : IsV1 && Permissions == "cruds" ? "*"
            : Permissions;
        return $"{Context}/{ResourceType}.{permissions}{Query}";
    }
}
