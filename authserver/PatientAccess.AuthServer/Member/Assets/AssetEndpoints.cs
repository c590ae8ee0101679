using System.Collections.Frozen;

namespace PatientAccess.AuthServer.Member.Assets;

/// <summary>The site's stylesheet, script and the demo apps' logos, embedded in the assembly and served from memory.</summary>
internal static class AssetEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Files = new Dictionary<string, (byte[], string)>
    {
        ["site.css"] = (Load("site.css"), "text/css; charset=utf-8"),
        ["member.js"] = (Load("member.js"), "text/javascript; charset=utf-8"),
        ["app-sunrise-health-notes.png"] = (Load("app-sunrise-health-notes.png"), "image/png"),
        ["app-pocket-claims.png"] = (Load("app-pocket-claims.png"), "image/png"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Content, file.Type);
        });

    private static byte[] Load(string name)
    {
        var assembly = typeof(AssetEndpoints).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Member.Assets." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
