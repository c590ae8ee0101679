namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Who may ask for production access for a client: the developer signed in to the portal who owns
/// it (<see cref="PortalClientOwnership"/>, on the portal's sessions and ownership). An interface so
/// the request pages depend on the question, not on how the portal answers it.
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
