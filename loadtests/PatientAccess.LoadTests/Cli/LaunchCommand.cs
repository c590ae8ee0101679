using PatientAccess.LoadTests.Smart;
using PatientAccess.LoadTests.Smart.Mail;

namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// The <c>launch</c> command: one standalone SMART launch over HTTP, as an app and a member do it,
/// printing the token response as one line of JSON on stdout and nothing else there.
/// </summary>
internal static class LaunchCommand
{
    public static async Task<int> RunAsync(LaunchCommandOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var target = options.Target;
        try
        {
            var client = target.LoadClient();
            using var app = new SmartApp(target.Endpoints, client, target.Scope, target.Audience, SmartTimeouts.Request);
            await app.DiscoverAsync(cancellationToken);
            using var mailbox = new SignInMailbox(target.Outbox, SmartTimeouts.Mail);
            using var session = new MemberSession(
                target.AuthServer, MemberIdentity.DemoJohnAllen(target.Email), mailbox, options.CategoryBoxes, SmartTimeouts.Request,
                options.Language == "es" ? "es" : "en-US");
            var code = await app.AuthorizeAsync(session, cancellationToken);
            // Progress goes to stderr: stdout carries the token response alone, for scripts.
            var signedIn = session.SignedInBy switch
            {
                SignInKind.Registered => $"launch: registered the demo member with {target.Email}",
                SignInKind.SignedIn => $"launch: signed in as {target.Email} (the demo member's account existed)",
                _ => null,
            };
            if (signedIn is not null)
            {
                await error.WriteLineAsync(signedIn);
            }
            var tokens = await app.ExchangeAsync(code, cancellationToken);
            await output.WriteLineAsync(tokens.ToJsonString());
            return ExitCodes.Ok;
        }
        catch (SmartLaunchException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("error: stopped before the launch finished");
            return ExitCodes.RunFailed;
        }
    }
}
