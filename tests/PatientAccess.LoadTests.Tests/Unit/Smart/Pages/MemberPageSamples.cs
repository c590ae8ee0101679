namespace PatientAccess.LoadTests.Tests.Unit.Smart.Pages;

/// <summary>Member pages as the authserver renders them (main element and forms copied from real answers).</summary>
internal static class MemberPageSamples
{
    public const string RegisterWithError = """
        <!DOCTYPE html>
        <html lang="en"><head><title>Error: Confirm who you are – Demo Health Plan</title></head>
        <body>
        <main id="main" tabindex="-1">
        <h1>Confirm who you are</h1>
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
        <h2>There is a problem</h2>
        <ul><li><a href="#first_name">We could not find a member with these details. Check them against your member ID card and try again.</a></li></ul>
        </div>
        <form method="post" action="/member/register" novalidate>
        <input type="hidden" name="__csrf" value="CfDJ8Am&#x2B;token/with&amp;entities"><p>We check them against the health plan&#x27;s records.</p>
        <div class="field invalid">
        <label for="first_name">First name</label>
        <p class="error" id="first_name-error">We could not find a member with these details. Check them against your member ID card and try again.</p>
        <input id="first_name" name="first_name" type="text" value="Jon" maxlength="100" autocomplete="given-name" aria-invalid="true" required>
        </div>
        <input id="last_name" name="last_name" type="text" value="Allen" maxlength="100" required>
        <input id="birth_date" name="birth_date" type="date" value="" maxlength="10" required>
        <input id="member_id" name="member_id" type="text" value="" maxlength="32" required>
        <input id="zip" name="zip" type="text" value="" maxlength="10" inputmode="numeric" required>
        <button type="submit">Continue</button>
        </form>
        <p>Already registered? <a href="/member/signin">Sign in</a></p>
        </main>
        </body></html>
        """;

    public const string Start = """
        <main id="main" tabindex="-1">
        <h1>Connect Demo Health App (public) to your health plan</h1>
        <p>Demo Health App (public) is asking to read your health plan records. First, tell us who you are.</p>
        <ul class="start">
        <li><a class="button" href="/member/register">Register</a> if this is your first time.</li>
        <li><a class="button" href='/member/signin'>Sign in</a> if you have registered before.</li>
        </ul>
        <form method="post" action="/member/approve"><input type="hidden" name="__csrf" value="abc"><button type="submit" name="decision" value="deny" class="secondary">Cancel and return to the app</button></form>
        </main>
        """;

    public const string Sharing = """
        <main id="main" tabindex="-1">
        <h1>Sensitive records</h1>
        <p id="sharing-intro">Some records need your extra permission.</p>
        <form method="post" action="/member/sharing" novalidate>
        <input type="hidden" name="__csrf" value="tok-sharing"><fieldset aria-describedby="sharing-intro">
        <legend>Share these too?</legend>
        <div class="choice">
        <input type="checkbox" id="sud" name="sud" value="yes" aria-describedby="sud-hint">
        <label for="sud">Substance use treatment</label>
        </div>
        <div class="choice">
        <input type="checkbox" id="mental" name="mental" value="yes" aria-describedby="mental-hint" checked>
        <label for="mental">Mental health</label>
        </div>
        <div class="choice">
        <input type="checkbox" id="hiv" name="hiv" value="yes">
        </div>
        </fieldset>
        <button type="submit">Continue</button>
        </form>
        </main>
        """;

    public const string Choose = """
        <main id="main" tabindex="-1">
        <h1>Whose records?</h1>
        <form method="post" action="/member/choose" novalidate>
        <input type="hidden" name="__csrf" value="tok-choose"><fieldset>
        <div class="choice"><input type="radio" id="member-0" name="member" value="family-rivera-subscriber" required><label for="member-0">José Rivera</label></div>
        <div class="choice"><input type="radio" id="member-1" name="member" value="family-rivera-child1"><label for="member-1">Sofía Rivera</label></div>
        </fieldset>
        <button type="submit">Continue</button>
        </form>
        </main>
        """;

    public const string Approve = """
        <main id="main" tabindex="-1">
        <h1>Allow Demo Health App to see your records?</h1>
        <form method="post" action="/member/approve">
        <input type="hidden" name="__csrf" value="tok-approve">
        <div class="actions">
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny" class="secondary">Don't allow</button>
        </div>
        </form>
        </main>
        """;

    public const string SessionExpired = """
        <main id="main" tabindex="-1">
        <h1>Your session has ended</h1>
        <p>For your security, sessions end after a while. Please sign in again.</p><p><a href="/member/signin">Sign in</a></p>
        </main>
        """;

    public const string AuthorizeError = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Cannot connect this app</title></head>
        <body>
        <main>
        <h1>Cannot connect this app</h1>
        <p role="alert">The redirect_uri is not registered for this app.</p>
        <p>Error code: <code>invalid_request</code></p>
        </main>
        </body>
        </html>
        """;
}
