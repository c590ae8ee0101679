using PatientAccess.LoadTests.Smart.Mail;
using PatientAccess.LoadTests.Smart.Pages;

namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// A member at the authserver's pages in one browser session. The first authorize request that
/// meets the start page registers the demo member (or, when the account exists, signs in with
/// the e-mailed code); later requests reuse the session cookie and go straight to choosing,
/// sharing and approving, as a signed-in member's do. One request at a time per session: the
/// session remembers one pending request.
/// </summary>
internal sealed class MemberSession : IDisposable
{
    private const int MaxPages = 20;

    private readonly MemberBrowser _browser;
    private readonly MemberIdentity _identity;
    private readonly SignInMailbox _mailbox;
    private readonly IReadOnlyList<string> _categoryBoxes;

    public MemberSession(Uri authServer, MemberIdentity identity, SignInMailbox mailbox, IReadOnlyList<string> categoryBoxes, TimeSpan requestTimeout, string language = "en-US")
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(categoryBoxes);
        _browser = new MemberBrowser(authServer, requestTimeout, language);
        _identity = identity;
        _mailbox = mailbox;
        _categoryBoxes = categoryBoxes;
    }

    /// <summary>How this session signed in; null until it has.</summary>
    public SignInKind? SignedInBy { get; private set; }

    /// <summary>Registers or signs in without an app waiting (the pages then show the member's connected apps).</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var after = await _browser.FollowAsync(await SignInPagesAsync(cancellationToken), cancellationToken);
        if (after.Status != 200)
        {
            throw after.Unexpected("the member's page after signing in");
        }
    }

    /// <summary>
    /// Takes the member from the app's authorize URL to the app's redirect URI: signs in if
    /// needed, chooses the member, ticks the sensitive categories asked for, allows. Returns the
    /// redirect to the app (checked by the caller, as the app's callback would).
    /// </summary>
    public async Task<Uri> AuthorizeAsync(Uri authorizeUrl, CancellationToken cancellationToken)
    {
        var response = await _browser.GetAsync(authorizeUrl, cancellationToken);
        for (var page = 0; page < MaxPages; page++)
        {
            response = await _browser.FollowAsync(response, cancellationToken);
            if (response.IsRedirect)
            {
                return response.Location!;
            }

            if (response.Status != 200)
            {
                throw response.Unexpected("the next member page");
            }

            response = response.Url.AbsolutePath switch
            {
                MemberPaths.Choose => await _browser.SubmitAsync(
                    response, MemberPaths.Choose, form => form.Submission(ticked: [FirstChoice(form)]), cancellationToken),
                MemberPaths.Sharing => await _browser.SubmitAsync(
                    response, MemberPaths.Sharing, form => form.Submission(ticked: [.. _categoryBoxes]), cancellationToken),
                MemberPaths.Approve => await _browser.SubmitAsync(
                    response, MemberPaths.Approve, form => form.Submission(button: ("decision", "allow")), cancellationToken),
                _ when response.Page.Links.Contains(MemberPaths.Register) => await SignInPagesAsync(cancellationToken),
                _ => throw response.Unexpected("a page of the member flow (start, choose, sharing, approve)"),
            };
        }

        throw new SmartLaunchException($"the member pages did not send the member back to the app within {MaxPages} pages");
    }

    public void Dispose() => _browser.Dispose();

    /// <summary>
    /// The demo member's account covers only him, so the authserver skips this page; an account
    /// covering a family lists several members, and the tool shares the first.
    /// </summary>
    private static string FirstChoice(HtmlForm form) =>
        form.Inputs.FirstOrDefault(i => i.Type == "radio" && i.Name == "member")?.Value
            ?? throw new SmartLaunchException($"the form posting to {form.Action} offers no member to choose");

    /// <summary>Register, or sign in when the member already has an account; returns the code page's answer (a redirect onward).</summary>
    private async Task<PageResponse> SignInPagesAsync(CancellationToken cancellationToken)
    {
        await _mailbox.SignInGate.WaitAsync(cancellationToken);
        try
        {
            var before = _mailbox.Snapshot();
            var register = await GetPageAsync(MemberPaths.Register, cancellationToken);
            var verified = await _browser.SubmitAsync(register, MemberPaths.Register, form => form.Submission(typed: new Dictionary<string, string>
            {
                ["first_name"] = _identity.FirstName,
                ["last_name"] = _identity.LastName,
                ["birth_date"] = _identity.BirthDate,
                ["member_id"] = _identity.MemberId,
                ["zip"] = _identity.PostalCode,
            }), cancellationToken);

            SignInKind kind;
            PageResponse sent;
            if (verified.RedirectsTo(MemberPaths.Email))
            {
                // Anyone may register a demo member (issue 14), so the identity step no longer says
                // his account exists; registering with the address that holds it signs that account
                // in. A code this address received before tells the two apart for the report.
                kind = SignInMailbox.FindNewest(_mailbox.Folder, _identity.Email) is { Code: not null } ? SignInKind.SignedIn : SignInKind.Registered;
                var email = await _browser.FollowAsync(verified, cancellationToken);
                sent = await SubmitEmailAsync(email, MemberPaths.Email, cancellationToken);
                if (sent.Status == 409)
                {
                    throw new SmartLaunchException($"{sent.Label} answered 409: {_identity.Email} already belongs to another member's account; choose another --email");
                }
            }
            else if (verified.Status == 409)
            {
                // The identity matched and the member already has an account: sign in instead.
                kind = SignInKind.SignedIn;
                sent = await SubmitEmailAsync(await GetPageAsync(MemberPaths.SignIn, cancellationToken), MemberPaths.SignIn, cancellationToken);
            }
            else
            {
                throw verified.Unexpected($"a redirect to {MemberPaths.Email} (new account) or 409 (already registered)");
            }

            if (!sent.RedirectsTo(MemberPaths.Code))
            {
                throw sent.Unexpected($"a redirect to {MemberPaths.Code}");
            }

            var codePage = await _browser.FollowAsync(sent, cancellationToken);
            var code = await _mailbox.WaitForCodeAsync(_identity.Email, before, cancellationToken);
            var confirmed = await _browser.SubmitAsync(
                codePage, MemberPaths.Code, form => form.Submission(typed: new Dictionary<string, string> { ["code"] = code }), cancellationToken);
            if (!confirmed.IsRedirect)
            {
                throw confirmed.Unexpected("a redirect onward after the code");
            }

            SignedInBy = kind;
            return confirmed;
        }
        finally
        {
            _mailbox.SignInGate.Release();
        }
    }

    private Task<PageResponse> SubmitEmailAsync(PageResponse page, string action, CancellationToken cancellationToken) =>
        _browser.SubmitAsync(page, action, form => form.Submission(typed: new Dictionary<string, string> { ["email"] = _identity.Email }), cancellationToken);

    private async Task<PageResponse> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        var page = await _browser.GetAsync(path, cancellationToken);
        return page.Status == 200 ? page : throw page.Unexpected("the page");
    }
}
