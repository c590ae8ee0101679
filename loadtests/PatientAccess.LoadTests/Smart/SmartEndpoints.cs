namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// The authserver's endpoints, built from the address the tool reaches it at (--authserver), not
/// from its issuer: the issuer may name a host (localhost) that resolves differently here.
/// </summary>
internal sealed record SmartEndpoints(Uri AuthServer)
{
    public Uri OpenIdConfiguration => At("/.well-known/openid-configuration");

    public Uri Authorize => At("/oauth2/authorize");

    public Uri Token => At("/oauth2/token");

    public Uri Introspect => At("/oauth2/introspect");

    private Uri At(string path) => new(AuthServer.GetLeftPart(UriPartial.Path).TrimEnd('/') + path);
}
