using System.Text.Json.Nodes;

namespace PatientAccess.AuthServer.Keys;

/// <summary>The JSON Web Key Set (RFC 7517) with every published key, the next one included.</summary>
internal static class JwksApi
{
    public const string Path = "/.well-known/jwks.json";

    public static RouteGroupBuilder MapJwksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).RequireCors(Discovery.DiscoveryApi.CorsPolicy);
        group.MapGet(Path, (SigningKeyRing ring, HttpContext context) =>
        {
            var keys = new JsonArray();
            foreach (var key in ring.Published)
            {
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = key.Kid,
                    ["n"] = key.Record.Modulus,
                    ["e"] = key.Record.Exponent,
                });
            }

            // Short enough that a verifier sees a new successor long before it activates.
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/jwk-set+json; charset=utf-8");
        });
        return group;
    }
}
