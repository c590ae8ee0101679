using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>The production access request as JSON: what is taken, what is refused and why, and who may send it.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class ProductionRequestTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Submit_Qualifying_QueuedForStaffWithAttestationDateAndDemoEvidence(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();

        // The demo app, tried once against the demo member John Allen and once against a real member.
        var app = new SmartApp(host);
        using (var demo = await app.ExchangeAsync(await app.ApproveAsync(await app.StartAsync(), patient: "demo-john-allen")))
        {
            Assert.True(demo.IsSuccessStatusCode);
        }

        await app.LaunchAsync();
        driver.Ownership.Own(app.ClientId, developer);
        var requestId = await driver.SubmitQualifyingAsync(app.ClientId, developer);

        using var staff = StaffKey.Client(host);
        var queue = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/staff/requests", UriKind.Relative), TestContext.Current.CancellationToken))!.AsArray();
        Assert.Contains(queue, r => (string)r!["request_id"]! == requestId && (string)r["status"]! == "pending");
        var details = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/staff/requests/" + requestId, UriKind.Relative), TestContext.Current.CancellationToken))!;
        Assert.Equal(developer, (string)details["developer_email"]!);
        Assert.Equal("security@app.example.com", (string)details["security_contact"]!);
        Assert.Equal(["no", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes"], details["attestation"]!["answers"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.Date, DateTimeOffset.Parse((string)details["attestation"]!["answered_at"]!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Date);
        Assert.Equal(1, (int)details["demo_evidence"]!["token_exchanges"]!);
        Assert.NotNull((string?)details["demo_evidence"]!["last_exchange_at"]);
    }

    [Fact]
    public async Task Submit_EachNonQualifyingAnswer_400NamingThatQuestion()
    {
        var host = backends[AuthBackends.Sqlite];
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        for (var question = 2; question <= 10; question++)
        {
            var fields = ProductionDriver.Qualifying();
            fields["q" + question] = "no";
            if (question == 5)
            {
                fields["q4"] = "no";
            }

            using var refused = await driver.SubmitAsync(clientId, developer, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await SmartApp.JsonAsync(refused))["errors"]!.AsObject();
            Assert.Contains($"Question {question} (", (string)errors["q" + question]![0]!, StringComparison.Ordinal);
            Assert.Contains("disqualifies", (string)errors["q" + question]![0]!, StringComparison.Ordinal);
        }

        // In Spanish, the same refusal in Spanish.
        var spanish = ProductionDriver.Qualifying();
        spanish["q8"] = "no";
        using var es = await driver.SubmitAsync(clientId, developer, spanish, "es-US");
        Assert.Contains("Pregunta 8 (datos solo en los EE. UU.)", (string)(await SmartApp.JsonAsync(es))["errors"]!["q8"]![0]!, StringComparison.Ordinal);

        // N/A without a certification, and a certification without its certificate.
        var na = ProductionDriver.Qualifying();
        na["q3"] = "na";
        using var naRefused = await driver.SubmitAsync(clientId, developer, na);
        Assert.Contains("Question 3 (", (string)(await SmartApp.JsonAsync(naRefused))["errors"]!["q3"]![0]!, StringComparison.Ordinal);
        var certified = ProductionDriver.Qualifying();
        certified["q1"] = "yes";
        using var noCertificate = await driver.SubmitAsync(clientId, developer, certified);
        Assert.Contains("attach the certificate", (string)(await SmartApp.JsonAsync(noCertificate))["errors"]!["q1"]![0]!, StringComparison.Ordinal);
        Assert.Null(await host.Service<AuthServer.Production.ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Submit_AllowedExceptions_Accepted()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();

        // Question 5 No with question 4 Yes.
        var owasp = ProductionDriver.Qualifying();
        owasp["q5"] = "no";
        using (var accepted = await driver.SubmitAsync(await driver.NewSandboxClientAsync(developer), developer, owasp))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        // Certified (question 1 Yes with the certificate), the rest N/A.
        var certified = ProductionDriver.Qualifying();
        certified["q1"] = "yes";
        certified["certificate"] = Convert.ToBase64String(TestImages.Pdf());
        for (var q = 2; q <= 10; q++)
        {
            certified["q" + q] = "na";
        }

        var clientId = await driver.NewSandboxClientAsync(developer);
        using (var accepted = await driver.SubmitAsync(clientId, developer, certified))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        var requestId = (await host.Service<AuthServer.Production.ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken))!.RequestId;
        using var staff = StaffKey.Client(host);
        using var certificate = await staff.GetAsync(new Uri($"/staff/requests/{requestId}/certificate", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Pdf(), await certificate.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Submit_BadFilesAndFields_400AtEachField()
    {
        var host = backends[AuthBackends.Sqlite];
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        var cases = new (string Field, string? Value, string Expected)[]
        {
            ("logo", Convert.ToBase64String(TestImages.Png(128, 96)), "must be square; this one is 128 by 96"),
            ("logo", Convert.ToBase64String("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray()), "PNG or JPEG"),
            ("logo", Convert.ToBase64String(new byte[300 * 1024]), "larger than 256 KB"),
            ("logo", null, "Attach a square logo"),
            ("terms_of_service_uri", "http://app.example.com/terms", "https://"),
            ("privacy_policy_uri", "https://user:pw@app.example.com/privacy", "https://"),
            ("support_email", "not an address", "e-mail address"),
            ("customers", "everyone", "Choose who"),
            ("plans", "named", "Name the plans"),
        };
        foreach (var (field, value, expected) in cases)
        {
            var fields = ProductionDriver.Qualifying();
            fields[field] = value;
            using var refused = await driver.SubmitAsync(clientId, developer, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await SmartApp.JsonAsync(refused))["errors"]!.AsObject();
            var key = field == "plans" ? "plan_names" : field;
            Assert.True(errors[key] is not null && ((string)errors[key]![0]!).Contains(expected, StringComparison.Ordinal), $"{field}={value}: {errors.ToJsonString()}");
        }

        // A certificate that is a renamed text file is refused at its field.
        var certified = ProductionDriver.Qualifying();
        certified["q1"] = "yes";
        certified["certificate"] = Convert.ToBase64String("just text, named certificate.pdf"u8.ToArray());
        using var badCertificate = await driver.SubmitAsync(clientId, developer, certified);
        Assert.Contains("PDF, PNG or JPEG", (string)(await SmartApp.JsonAsync(badCertificate))["errors"]!["certificate"]![0]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Submit_AnotherDevelopersClientOrNobody_404AndNothingStored(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var owner = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(owner);
        foreach (var outsider in new[] { ProductionDriver.NewEmail(), string.Empty })
        {
            using var refused = await driver.SubmitAsync(clientId, outsider, ProductionDriver.Qualifying());
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            using var http = driver.Developer(outsider);
            using var read = await http.GetAsync(new Uri($"/api/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            using var page = await http.GetAsync(new Uri($"/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // The real ownership (the portal's signed-in owner) knows no test header: without a developer session nobody may ask.
        using var bare = host.Browser();
        bare.DefaultRequestHeaders.Add(TestOwnership.Header, owner);
        using var unowned = await bare.GetAsync(new Uri($"/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unowned.StatusCode);
        Assert.Null(await host.Service<AuthServer.Production.ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Submit_WhilePendingOrSuspended_409(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        await driver.SubmitQualifyingAsync(clientId, developer);
        using (var again = await driver.SubmitAsync(clientId, developer, ProductionDriver.Qualifying()))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var other = await driver.NewSandboxClientAsync(developer);
        await host.Service<ClientRegistry>().SetStatusAsync(other, ClientStatus.Suspended, TestContext.Current.CancellationToken);
        using var suspended = await driver.SubmitAsync(other, developer, ProductionDriver.Qualifying());
        Assert.Equal(HttpStatusCode.Conflict, suspended.StatusCode);
    }
}
