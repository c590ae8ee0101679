using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>The developer's request form (multipart, with the logo and certificate): errors at their fields, files judged by content.</summary>
[Collection(AuthTestGroup.Name)]
public sealed partial class ProductionFormTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Form_Qualifying_SeeOtherThenPendingNoticeAndNoForm(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var (_, http, clientId) = await DeveloperAsync(host);
        using var posted = await PostAsync(http, clientId, Fields(), logo: ("logo.png", TestImages.Png(96, 96)));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var page = await http.GetStringAsync(posted.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("role=\"status\"", page, StringComparison.Ordinal);
        Assert.Contains("waiting for review", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/developer", page, StringComparison.Ordinal);
        Assert.Equal(ProductionRequestStatus.Pending, (await host.Service<ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Form_NonQualifyingAnswer_ErrorAtThatQuestionInTheMembersLanguage()
    {
        var host = backends[AuthBackends.Sqlite];
        var (driver, http, clientId) = await DeveloperAsync(host);
        var fields = Fields();
        fields["q7"] = "no";
        using (var refused = await PostAsync(http, clientId, fields, logo: ("logo.png", TestImages.Png(96, 96))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("<p class=\"error\" id=\"q7-error\">Question 7 (deleting data when access is revoked): a No answer disqualifies the app from production access.</p>", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#q7\">", page, StringComparison.Ordinal);
            Assert.Contains("id=\"q7\"", page, StringComparison.Ordinal);

            // What the developer typed is kept.
            Assert.Contains("value=\"Example Health Apps Inc.\"", page, StringComparison.Ordinal);
        }

        using var spanish = driver.Developer(driver.Ownership.OwnerOf(clientId), "es-US");
        using var es = await PostAsync(spanish, clientId, fields, logo: ("logo.png", TestImages.Png(96, 96)));
        Assert.Contains("Pregunta 7 (eliminar datos al revocar el acceso): una respuesta No descalifica", await es.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(await host.Service<ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Form_FilesCheckedByContentAndSize_ErrorsAtTheirFields()
    {
        var host = backends[AuthBackends.Sqlite];
        var (_, http, clientId) = await DeveloperAsync(host);
        var cases = new (string Field, string Name, byte[] Content, string Expected)[]
        {
            ("logo", "logo.png", "GIF89a not really a png"u8.ToArray(), "must be a PNG or JPEG image"),
            ("logo", "logo.jpg", TestImages.JpegHeader(200, 100), "must be square; this one is 200 by 100"),
            ("logo", "logo.png", TestImages.Png(32, 32), "at least 64 by 64"),
            ("logo", "logo.png", [.. TestImages.Png(64, 64), .. new byte[260 * 1024]], "larger than 256 KB"),
            ("certificate", "soc2.pdf", "<html>not a pdf</html>"u8.ToArray(), "PDF, PNG or JPEG"),
            ("certificate", "soc2.pdf", [.. TestImages.Pdf(), .. new byte[(2 * 1024 * 1024) + 10]], "larger than 2 MB"),
        };
        foreach (var (field, name, content, expected) in cases)
        {
            var fields = Fields();
            if (field == "certificate")
            {
                fields["q1"] = "yes";
            }

            using var refused = await PostAsync(http, clientId, fields,
                logo: field == "logo" ? (name, content) : ("logo.png", TestImages.Png(64, 64)),
                certificate: field == "certificate" ? (name, content) : null);
            var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = ErrorOf(field).Match(page);
            Assert.True(error.Success && error.Groups[1].Value.Contains(expected, StringComparison.Ordinal), $"{name}: {expected}\n{page}");
        }
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_RefusedAndNothingStored()
    {
        var host = backends[AuthBackends.Sqlite];
        var (_, http, clientId) = await DeveloperAsync(host);
        using var refused = await PostAsync(http, clientId, Fields(), logo: ("logo.png", TestImages.Png(96, 96)), csrf: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await host.Service<ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Form_Page_EveryFieldLabelledAndTheAttestationListed()
    {
        var host = backends[AuthBackends.Sqlite];
        var (_, http, clientId) = await DeveloperAsync(host);
        var page = await http.GetStringAsync(new Uri($"/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken);
        foreach (var id in new[] { "company", "description", "purpose", "consumer_cost", "terms_of_service_uri", "privacy_policy_uri", "logo", "support_email", "security_contact", "plan_names", "certificate" })
        {
            Assert.Contains($"<label for=\"{id}\">", page, StringComparison.Ordinal);
        }

        for (var q = 1; q <= 10; q++)
        {
            Assert.Contains($"name=\"q{q}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__csrf\"", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields() => ProductionDriver.Qualifying()
        .Where(f => f.Key != "logo").ToDictionary(f => f.Key, f => f.Value!);

    private static async Task<(ProductionDriver Driver, HttpClient Http, string ClientId)> DeveloperAsync(AuthServerHost host)
    {
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        return (driver, driver.Developer(developer), clientId);
    }

    /// <summary>GETs the form (for its antiforgery token and cookie), then posts it as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string clientId, Dictionary<string, string> fields,
        (string Name, byte[] Content)? logo = null, (string Name, byte[] Content)? certificate = null, bool csrf = true)
    {
        var path = new Uri($"/developer/clients/{clientId}/production", UriKind.Relative);
        var form = await http.GetStringAsync(path, TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent();
        if (csrf)
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(CsrfToken().Match(form).Groups[1].Value)), "__csrf");
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, file) in new[] { ("logo", logo), ("certificate", certificate) })
        {
            if (file is { } chosen)
            {
                // The browser's content type claims PNG whatever the file is: the server must not believe it.
                var part = new ByteArrayContent(chosen.Content);
                part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                content.Add(part, name, chosen.Name);
            }
        }

        return await http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    private static Regex ErrorOf(string field) => new($"<p class=\"error\" id=\"{field}-error\">([^<]*)</p>", RegexOptions.CultureInvariant);

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
