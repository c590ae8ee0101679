using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Browser;

/// <summary>
/// Real Chromium, driven the way a person does (fields found by their labels, buttons by their
/// names), from an app's authorize request to its token, in English and in Spanish, with axe-core
/// checking every page for serious or critical accessibility problems.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class MemberPagesBrowserTests(MemberServices stack) : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _data = Directory.CreateTempSubdirectory("pa-member-browser-").FullName;
    private ServiceProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = stack.RedisConnectionString,
            ["Store__Url"] = stack.Store.BaseAddress.ToString(),
            ["Store__OperatorKey"] = TestKeys.Operator,
        });
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(90)), _server.Output);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task DemoMember_English_FromAuthorizeToToken()
    {
        var words = new Words("en-US", "Register", "First name", "Last name", "Date of birth", "Member ID", "ZIP code", "Continue",
            "E-mail address", "Send me a code", "6-digit code", "Confirm", "Mental health", "Allow");
        var tokens = await RunAsync(words, ["John", "Allen", "1950-10-19", "123456789123", "02114"], chooseLabel: null);
        Assert.Equal("demo-john-allen", (string?)tokens["patient"]);
    }

    [Fact]
    public async Task FamilyAccount_Spanish_ParentChoosesChild()
    {
        var words = new Words("es-MX", "Registrarse", "Nombre", "Apellido", "Fecha de nacimiento", "Número de miembro", "Código postal", "Continuar",
            "Correo electrónico", "Enviarme un código", "Código de 6 dígitos", "Confirmar", "Salud mental", "Permitir")
        {
            NotOfferedReason = "María Rivera tiene 18 años o más; puede conectar aplicaciones desde su propia cuenta.",
            KeptPrivate = "Registros que se mantienen privados",
        };
        var tokens = await RunAsync(words, ["José", "Rivera", "1984-04-12", "987654321001", "01841"], chooseLabel: "Sofía Rivera");
        Assert.Equal("family-rivera-child1", (string?)tokens["patient"]);
    }

    private async Task<JsonObject> RunAsync(Words words, string[] identity, string? chooseLabel)
    {
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "demo-clients.json"), TestContext.Current.CancellationToken))!.AsArray()[0]!;
        var redirect = $"http://127.0.0.1:{FreePort.Next()}/callback";
        var verifier = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var authorize = QueryHelpers.AddQueryString(_server!.BaseAddress + "oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = (string)demo["client_id"]!, ["redirect_uri"] = redirect,
            ["scope"] = SmartApp.DefaultScope, ["state"] = "browser-state", ["aud"] = SmartApp.FhirBase,
            ["code_challenge"] = Tokens.Pkce.ChallengeOf(verifier), ["code_challenge_method"] = "S256",
        });
        var axe = await AxeCore.ScriptPathAsync();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = words.Locale, BypassCSP = true });
        var page = await context.NewPageAsync();
        var email = MemberJourney.NewEmail();

        await page.GotoAsync(authorize);
        await CheckAccessibilityAsync(page, axe);
        await page.GetByRole(AriaRole.Link, new() { Name = words.Register }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);
        string[] labels = [words.FirstName, words.LastName, words.BirthDate, words.MemberId, words.Zip];
        for (var i = 0; i < labels.Length; i++)
        {
            await page.GetByLabel(labels[i], new() { Exact = true }).FillAsync(identity[i]);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue }).ClickAsync();
        await page.GetByLabel(words.Email).FillAsync(email);
        await CheckAccessibilityAsync(page, axe);
        await page.GetByRole(AriaRole.Button, new() { Name = words.SendCode }).ClickAsync();
        await page.GetByLabel(words.Code).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Confirm }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(words.Code).FillAsync(Outbox.LatestCode(_data, email));
        await page.GetByRole(AriaRole.Button, new() { Name = words.Confirm }).ClickAsync();
        if (chooseLabel is not null)
        {
            // The adult spouse is not offered, and the page says why (issue 12 item 4).
            await Assertions.Expect(page.GetByText(words.NotOfferedReason!)).ToBeVisibleAsync();
            await CheckAccessibilityAsync(page, axe);
            await page.GetByLabel(chooseLabel).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = words.Continue }).ClickAsync();

            // A parent cannot opt a child in to sensitive categories: no box, and the page says so.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.KeptPrivate! })).ToBeVisibleAsync();
            Assert.Equal(0, await page.GetByLabel(words.Mental).CountAsync());
        }
        else
        {
            await page.GetByLabel(words.Mental).CheckAsync();
        }

        await CheckAccessibilityAsync(page, axe);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);
        Assert.Equal(words.Locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        var callback = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = words.Allow, Exact = true }).ClickAsync(),
            request => request.Url.StartsWith(redirect, StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(new Uri(callback.Url).Query);
        Assert.Equal("browser-state", query["state"].ToString());
        return await ExchangeAsync(demo, query["code"].ToString(), redirect, verifier);
    }

    private async Task<JsonObject> ExchangeAsync(JsonNode demo, string code, string redirect, string verifier)
    {
        using var http = new HttpClient { BaseAddress = _server!.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Authorization = SmartApp.Basic((string)demo["client_id"]!, (string)demo["client_secret"]!);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task CheckAccessibilityAsync(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, page.Url + "\n" + string.Join('\n', list));
    }

    private sealed record Words(
        string Locale, string Register, string FirstName, string LastName, string BirthDate, string MemberId, string Zip, string Continue,
        string Email, string SendCode, string Code, string Confirm, string Mental, string Allow)
    {
        /// <summary>On the choose page of a family account: why the adult spouse is not offered.</summary>
        public string? NotOfferedReason { get; init; }

        /// <summary>On the sharing page for a child: the heading of the categories a parent cannot share.</summary>
        public string? KeptPrivate { get; init; }
    }
}
