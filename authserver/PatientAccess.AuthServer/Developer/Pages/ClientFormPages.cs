using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// Registering an app and editing it: name, access type (at registration only), redirect URLs,
/// website, logo. Every problem is shown at its field; a logo too large for the request is
/// answered with that error at the logo field, never a 500. An app that is not the developer's is
/// "not found", like one that does not exist.
/// </summary>
internal static class ClientFormPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(DeveloperPage.NewClient, async (HttpContext context, DeveloperSessions sessions, CancellationToken ct) =>
            await sessions.FromCookieAsync(context, ct) is { SignedIn: true }
                ? Show(DeveloperPage.Create(context, true), null, new ClientInput(string.Empty, null, [], null))
                : DeveloperPage.SignInFirst(context));
        app.MapPost(DeveloperPage.NewClient, CreateAsync);
        app.MapGet("/developer/clients/{clientId}/edit", async (string clientId, HttpContext context, [AsParameters] ClientSteps steps, CancellationToken ct) =>
        {
            var session = await steps.Sessions.FromCookieAsync(context, ct);
            if (session is not { SignedIn: true })
            {
                return DeveloperPage.SignInFirst(context);
            }

            var client = await steps.Clients.FindOwnedAsync(session.Record.DeveloperId!, clientId, ct);
            return client is null
                ? DeveloperPage.NotFound(context)
                : Show(DeveloperPage.Create(context, true), client, new ClientInput(client.Name, client.Type, client.RedirectUris, client.Website));
        });
        app.MapPost("/developer/clients/{clientId}/edit", EditAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [AsParameters] ClientSteps steps, CancellationToken cancellationToken)
    {
        var session = await steps.Sessions.FromCookieAsync(context, cancellationToken);
        var read = await ReadAsync(context, steps, session, null, cancellationToken);
        if (read.Answer is not null)
        {
            return read.Answer;
        }

        var developerId = session!.Record.DeveloperId!;
        if (await steps.Clients.AtLimitAsync(developerId, cancellationToken))
        {
            var t = LanguageSelector.Resolve(context);
            var errors = new List<FieldError> { new("name", t.Format("developer.client.limit", steps.Options.Value.MaxClientsPerDeveloper)) };
            return Show(DeveloperPage.Create(context, true, errors), null, read.Input!, StatusCodes.Status409Conflict);
        }

        var (clientId, secret) = await steps.Clients.CreateAsync(developerId, read.Input!, cancellationToken);
        if (read.Logo is { } logo)
        {
            await steps.Registry.SetLogoUriAsync(clientId, await steps.Logos.SaveAsync(clientId, logo.Bytes, logo.Check, cancellationToken), cancellationToken);
        }

        if (secret is not null)
        {
            steps.Reveal.Stash(context, session, clientId, secret);
        }

        return MemberFlow.SeeOther(context, DeveloperPage.ClientPath(clientId) + "?created=1");
    }

    private static async Task<IResult> EditAsync(string clientId, HttpContext context, [AsParameters] ClientSteps steps, CancellationToken cancellationToken)
    {
        var session = await steps.Sessions.FromCookieAsync(context, cancellationToken);
        var client = session is { SignedIn: true } ? await steps.Clients.FindOwnedAsync(session.Record.DeveloperId!, clientId, cancellationToken) : null;
        if (session is { SignedIn: true } && client is null)
        {
            return DeveloperPage.NotFound(context);
        }

        var read = await ReadAsync(context, steps, session, client, cancellationToken);
        if (read.Answer is not null)
        {
            return read.Answer;
        }

        await steps.Clients.UpdateAsync(session!.Record.DeveloperId!, clientId, read.Input!, cancellationToken);
        if (read.Logo is { } logo)
        {
            await steps.Registry.SetLogoUriAsync(clientId, await steps.Logos.SaveAsync(clientId, logo.Bytes, logo.Check, cancellationToken), cancellationToken);
        }
        else if (read.RemoveLogo)
        {
            await steps.Logos.RemoveAsync(clientId, cancellationToken);
            await steps.Registry.SetLogoUriAsync(clientId, null, cancellationToken);
        }

        return MemberFlow.SeeOther(context, DeveloperPage.ClientPath(clientId) + "?saved=1");
    }

    /// <summary>The checked form, or the answer to give instead (signed out, bad form, problems shown at their fields).</summary>
    private static async Task<ClientFormRead> ReadAsync(
        HttpContext context, ClientSteps steps, DeveloperSession? session, ClientRecord? client, CancellationToken cancellationToken)
    {
        var options = steps.Options.Value;
        var (form, tooLarge) = await DeveloperForm.ReadAsync(context, options.MaxLogoBytes, cancellationToken);
        var signedIn = session is { SignedIn: true };
        var t = LanguageSelector.Resolve(context);
        var empty = new ClientInput(client?.Name ?? string.Empty, client?.Type, client?.RedirectUris ?? [], client?.Website);
        if (tooLarge)
        {
            // Nothing was read, so nothing was changed; the fields come back as they were stored.
            var errors = new List<FieldError> { new("logo", t.Format("developer.logo.toolarge", options.MaxLogoBytes / 1024)) };
            return new ClientFormRead(signedIn ? Show(DeveloperPage.Create(context, true, errors), client, empty, StatusCodes.Status413PayloadTooLarge) : DeveloperPage.SignInFirst(context));
        }

        if (form is null)
        {
            return new ClientFormRead(DeveloperPage.BadForm(context, signedIn));
        }

        if (!signedIn)
        {
            return new ClientFormRead(DeveloperPage.SignInFirst(context));
        }

        var input = new ClientInput(
            form["name"].ToString().Trim(),
            client?.Type ?? ClientInput.ParseType(form["client_type"].ToString()),
            ClientInput.Lines(form["redirect_uris"].ToString()),
            form["website"].ToString().Trim());
        var problems = input.Problems(creating: client is null, options).Select(p => new FieldError(p.Field, Message(t, p, options))).ToList();
        var bytes = await DeveloperForm.FileBytesAsync(form.Files.GetFile("logo"), options.MaxLogoBytes, cancellationToken);
        LogoCheck? check = null;
        if (bytes is not null)
        {
            check = LogoImage.Inspect(bytes, options.MaxLogoBytes, options.MinLogoPixels, options.MaxLogoPixels);
            if (!check.IsValid)
            {
                problems.Add(new FieldError("logo", LogoMessage(t, check.Problem, options)));
            }
        }

        if (problems.Count > 0)
        {
            var status = check is { Problem: LogoProblem.TooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return new ClientFormRead(Show(DeveloperPage.Create(context, true, problems), client, input, status));
        }

        return new ClientFormRead(null, input, bytes is null ? null : (bytes, check!), form["remove_logo"] == "yes");
    }

    public static string Message(MemberText t, InputProblem problem, DeveloperPortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        return problem.Key switch
        {
            "developer.redirect.toomany" => t.Format(problem.Key, options.MaxRedirectUris),
            "developer.redirect.toolong" => t.Format(problem.Key, options.MaxUrlLength),
            _ when problem.Key.StartsWith("developer.redirect.", StringComparison.Ordinal) && problem.Value is not null => t.Format(problem.Key, problem.Value),
            _ => t[problem.Key],
        };
    }

    public static string LogoMessage(MemberText t, LogoProblem problem, DeveloperPortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(options);
        var key = "developer.logo." + problem.ToString().ToLowerInvariant();
        return problem switch
        {
            LogoProblem.TooLarge => t.Format(key, options.MaxLogoBytes / 1024),
            LogoProblem.TooFewPixels => t.Format(key, options.MinLogoPixels),
            LogoProblem.TooManyPixels => t.Format(key, options.MaxLogoPixels),
            _ => t[key],
        };
    }

    private static IResult Show(MemberPage page, ClientRecord? client, ClientInput input, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var typeField = client is null
            ? DeveloperFields.Radios(page, "client_type", t["developer.type.legend"], input.Type is { } type ? ClientInput.NameOf(type) : null,
                [("confidential", t["developer.type.confidential"], t["developer.type.confidentialHint"]), ("public", t["developer.type.public"], t["developer.type.publicHint"])])
            : Html.Of($"<p><strong>{t["developer.type.legend"]}:</strong> {HomePage.TypeText(t, client.Type)}</p>");
        // Our own pages load the logo from this server by path; LogoUri (absolute, on the issuer) is for apps and the gallery.
        var currentLogo = client?.LogoUri is not null
            ? Html.Of($"""<p><img class="app-logo" src="{LogoStore.PathOf(client.ClientId)}" alt="{t.Format("developer.logo.current", client.Name)}" width="64" height="64"></p>{DeveloperFields.Checkbox("remove_logo", t["developer.logo.remove"])}""")
            : Html.Empty;
        var action = client is null ? DeveloperPage.NewClient : DeveloperPage.ClientPath(client.ClientId) + "/edit";
        var body = Html.Of($"""
            <p>{t[client is null ? "developer.new.intro" : "developer.edit.intro"]}</p>
            <form method="post" action="{action}" enctype="multipart/form-data" novalidate>
            {page.Csrf}
            {page.Field("name", t["developer.name.label"], input.Name, hint: t["developer.name.hint"], maxLength: ClientInput.MaxNameLength)}
            {typeField}
            {DeveloperFields.TextArea(page, "redirect_uris", t["developer.redirect.label"], string.Join('\n', input.RedirectUris), t["developer.redirect.hint"], maxLength: 8192)}
            {DeveloperFields.OptionalInput(page, "website", t["developer.website.label"], input.Website, "url", t["developer.website.hint"], 512, "url")}
            {currentLogo}
            {DeveloperFields.File(page, "logo", t["developer.logo.label"], t["developer.logo.hint"], "image/png,image/jpeg")}
            {MemberPage.Button(t[client is null ? "developer.new.submit" : "developer.edit.submit"])}
            </form>
            """);
        return page.Render(client is null ? t["developer.new.title"] : t.Format("developer.edit.title", client.Name), body, status);
    }
}
