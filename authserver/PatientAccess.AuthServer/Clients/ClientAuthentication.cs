namespace PatientAccess.AuthServer.Clients;

/// <summary>Outcome of client authentication: the client, or the response to send instead.</summary>
internal sealed record ClientAuthentication(ClientRecord? Client, IResult? Failure)
{
    public static ClientAuthentication Failed(IResult failure) => new(null, failure);
}
