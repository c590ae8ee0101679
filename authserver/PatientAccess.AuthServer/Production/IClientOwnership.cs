namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Who may ask for production access for a client: the developer signed in to the portal who owns
/// it. The developer portal (Developer/) owns developer sessions and client ownership and
/// provides the implementation; until it is registered, <see cref="NoClientOwnership"/> refuses everyone.
/// </summary>
internal interface IClientOwnership
{
    /// <summary>
    /// The signed-in developer's e-mail address when that developer owns <paramref name="clientId"/>;
    /// null for anyone else (not signed in, another developer's client, no such client), so
    /// the caller cannot tell those apart either.
    /// </summary>
    Task<string?> OwnerEmailAsync(HttpContext context, string clientId, CancellationToken cancellationToken);
}
