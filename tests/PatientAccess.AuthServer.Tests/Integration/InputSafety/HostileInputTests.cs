using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientAccess.AuthServer.Tests.Integration.InputSafety;

/// <summary>
/// Issue 12 item 14 across every OAuth endpoint: NUL and other control characters, invalid
/// UTF-8, oversized and repeated parameters and huge numbers get an RFC 6749 error (JSON, or at
/// the authorization endpoint a redirect to the registered URI or the error page), never a 500,
/// on both databases (PostgreSQL refuses NUL where SQLite does not).
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class HostileInputTests(AuthBackends backends)
{
    private static readonly string Long = new('a', 3000);
    private static readonly string Huge = new('9', 400);

    public static TheoryData<string, string> FormEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in AuthBackends.Names)
        {
            foreach (var path in new[] { "/oauth2/token", "/oauth2/revoke", "/oauth2/introspect" })
            {
                data.Add((string)backend.Data, path);
            }
        }

        return data;
    }

    public static IEnumerable<string> HostileBodies() =>
    [
        "grant_type=refresh_token&refresh_token=%00&token=%00",
        "grant_type=refresh_token&refresh_token=a%01b&token=a%1Fb",
        "grant_type=authorization_code&code=x&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback%0D%0ASet-Cookie%3A%20x&code_verifier=" + new string('v', 43),
        "grant_type=refresh_token&refresh_token=%FF%FE&token=%C0%80",
        "%FF%FE=1&grant_type=refresh_token&refresh_token=x&token=x",
        "grant_type=refresh_token&refresh_token=" + Long + "&token=" + Long,
        "grant_type=refresh_token&grant_type=refresh_token&refresh_token=x&token=x&token=y",
        "grant_type=refresh_token&refresh_token=" + Huge + "&token=" + Huge + "&expires_in=" + Huge,
        "grant_type=refresh_token&refresh_token=x&token=x&scope=patient%2F*.read%00",
        "grant_type=refresh_token&refresh_token=x&token=x&token_type_hint=%E2%80%AE%00",
        string.Join("&", Enumerable.Range(0, 45).Select(i => $"p{i}=1")) + "&grant_type=refresh_token&refresh_token=x&token=x",
        "grant_type=refresh_token&refresh_token=x&token=x&pad=" + new string('p', 40_000),
        "grant_type=refresh_token&refresh_token=%%%zz&token=%",
    ];

    [Theory]
    [MemberData(nameof(FormEndpoints))]
    public async Task Post_HostileForm_Rfc6749ErrorNever500(string backend, string path)
    {
        var app = new SmartApp(backends[backend]);
        foreach (var body in HostileBodies())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Authorization = SmartApp.Basic(app.ClientId, app.Secret);
            using var response = await backends[backend].Browser().SendAsync(request, TestContext.Current.CancellationToken);
            await AssertOAuthAnswerAsync(response, body);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Post_HostileClientCredentials_InvalidRequestOrInvalidClient(string backend)
    {
        string[] bodies =
        [
            "client_id=demo%00app&grant_type=refresh_token&refresh_token=x",
            "client_id=%FF%FE&client_secret=%00&grant_type=refresh_token&refresh_token=x",
            "client_id=" + Long + "&grant_type=refresh_token&refresh_token=x",
            "client_id=a&client_id=b&grant_type=refresh_token&refresh_token=x",
        ];
        foreach (var body in bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await backends[backend].Browser().PostAsync(new Uri("/oauth2/token", UriKind.Relative), content, TestContext.Current.CancellationToken);
            await AssertOAuthAnswerAsync(response, body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, body);
        }

        foreach (var basic in new[] { "ZGVtbyUwMGFwcDp4", "Og==", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-confidential-app:" + Long)), "%%%", "\u00ff\u00fe", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo%ZZ:%")), Convert.ToBase64String([0x64, 0xff, 0x3a, 0xfe]) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
            {
                Content = new StringContent("grant_type=refresh_token&refresh_token=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + basic);
            using var response = await backends[backend].Browser().SendAsync(request, TestContext.Current.CancellationToken);
            await AssertOAuthAnswerAsync(response, basic);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, basic);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task UserInfo_HostileBearer_InvalidRequestOrInvalidToken(string backend)
    {
        // A JWT-shaped token whose header names a kid with NUL and control characters.
        var header = Base64Url("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k\\u0000\\u0001'\"}");
        foreach (var token in new[] { header + "." + Base64Url("{}") + ".c2ln", new string('x', 20_000), "a.b.c", "\u00ff.\u00fe.x", Huge + "." + Huge + "." + Huge })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/oauth2/userinfo", UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await backends[backend].Browser().SendAsync(request, TestContext.Current.CancellationToken);
            await AssertOAuthAnswerAsync(response, token);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, token[..Math.Min(40, token.Length)]);
        }
    }

    public static TheoryData<string, string, string> AuthorizeInputs()
    {
        var data = new TheoryData<string, string, string>();
        string[] values = ["a%00b", "a%0Ab", "a%0D%0ALocation:%20https://evil.example", "%7F", "%FF%FE", "%ED%A0%80", "%E2%80%AE", Long, Huge];
        foreach (var backend in AuthBackends.Names)
        {
            foreach (var name in new[] { "redirect_uri", "state", "scope", "aud", "client_id", "code_challenge", "nonce", "response_type" })
            {
                foreach (var value in values)
                {
                    data.Add((string)backend.Data, name, value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AuthorizeInputs))]
    public async Task Authorize_HostileParameter_ErrorPageOrRedirectToRegisteredUriNever500(string backend, string name, string value)
    {
        var app = new SmartApp(backends[backend], confidential: false);
        var parameters = app.AuthorizeParameters();
        var query = string.Join("&", parameters.Where(p => p.Key != name).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")) + $"&{name}={value}";
        foreach (var post in new[] { false, true })
        {
            using var response = post
                ? await backends[backend].Browser().PostAsync(new Uri("/oauth2/authorize", UriKind.Relative), new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken)
                : await backends[backend].Browser().GetAsync(new Uri("/oauth2/authorize?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            Assert.True(status is 302 or 400 or 403, $"{name}={value[..Math.Min(40, value.Length)]} ({(post ? "POST" : "GET")}): {status}");
            if (status == 302)
            {
                // Only ever to the registered redirect URI (with an error or, for harmless input, a code later) or to the member pages.
                var location = response.Headers.Location!.OriginalString;
                Assert.True(location.StartsWith(app.RedirectUri + "?", StringComparison.Ordinal) || location.StartsWith("/member/authorize/", StringComparison.Ordinal), location);
                Assert.DoesNotContain('\n', location);
                Assert.DoesNotContain('\r', location);
                if (location.StartsWith(app.RedirectUri, StringComparison.Ordinal))
                {
                    Assert.NotEmpty(QueryHelpers.ParseQuery(new Uri(location).Query)["error"].ToString());
                }
            }
            else
            {
                Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType!, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Unusual but harmless state values survive the whole launch and come back exactly as sent.</summary>
    [Theory]
    [InlineData(AuthBackends.Sqlite, "\uFFFD\u202E\u00f1\u4e2d\U0001F600")]
    [InlineData(AuthBackends.PostgreSql, "\uFFFD\u202E\u00f1\u4e2d\U0001F600")]
    [InlineData(AuthBackends.PostgreSql, "'; DROP TABLE pending_authorizations; --")]
    [InlineData(AuthBackends.PostgreSql, "%00 is not a NUL here")]
    public async Task Authorize_UnusualState_EchoedExactly(string backend, string state)
    {
        var app = new SmartApp(backends[backend]);
        var parameters = app.AuthorizeParameters();
        parameters["state"] = state;
        using var response = await app.AuthorizeAsync(parameters);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/member/authorize/", location, StringComparison.Ordinal);
        var outcome = await backends[backend].Service<PatientAccess.AuthServer.Authorize.IAuthorizationCompletion>().ApproveAsync(
            new PatientAccess.AuthServer.Authorize.AuthorizationApproval(location["/member/authorize/".Length..], "member-1", "pat-1", [], null), TestContext.Current.CancellationToken);
        Assert.Equal(state, QueryHelpers.ParseQuery(outcome.RedirectUri!.Query)["state"].ToString());
    }

    private static async Task AssertOAuthAnswerAsync(HttpResponseMessage response, string input)
    {
        var label = input[..Math.Min(60, input.Length)];
        Assert.True((int)response.StatusCode < 500, $"{label}: {(int)response.StatusCode}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await SmartApp.JsonAsync(response);
            Assert.False(string.IsNullOrEmpty((string?)body["error"]), label);
            Assert.All((string)body["error_description"]!, c => Assert.InRange(c, ' ', '~'));
        }
    }

    private static string Base64Url(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
}
