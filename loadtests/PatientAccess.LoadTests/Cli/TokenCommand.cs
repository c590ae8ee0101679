using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Reports;
using PatientAccess.LoadTests.Scenarios.Token;
using PatientAccess.LoadTests.Smart;
using PatientAccess.LoadTests.Smart.Mail;

namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// The <c>token</c> command: prepares real codes or tokens through the member pages (untimed,
/// with progress), then loads the token or introspection endpoint with exactly one POST per
/// instance and writes the usual reports.
/// </summary>
internal static class TokenCommand
{
    public static async Task<int> RunAsync(
        TokenCommandOptions options,
        RunEnvironment environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var target = options.Target;
        ITokenCall call;
        string prepared;
        try
        {
            // Introspection is only answered for the caller's own tokens, so it is always the confidential app's.
            var client = target.ClientId is not null ? target.LoadClient()
                : DemoClients.Load(target.DataDirectory, options.Grant == TokenGrant.Introspect ? ClientKind.Confidential : target.Client);
            using var app = new SmartApp(target.Endpoints, client, target.Scope, target.Audience, SmartTimeouts.Request);
            using var mailbox = new SignInMailbox(target.Outbox, SmartTimeouts.Mail);
            using var preparation = new TokenPreparation(target.AuthServer, MemberIdentity.DemoJohnAllen(target.Email), mailbox, output);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Preparing {options.ScenarioName} against {target.AuthServer} as {client.ClientId} (not timed): {options.Sessions} member sessions, {options.PreparedCount} {Prepared(options.Grant)}"));
            var watch = Stopwatch.StartNew();
            await app.DiscoverAsync(cancellationToken);
            await preparation.SignInAsync(options.Sessions, cancellationToken);
            call = options.Grant switch
            {
                TokenGrant.AuthorizationCode => new AuthorizationCodeCall(target.Endpoints, client, new TokenPool<PreparedCode>(
                    await PrepareCodesAsync(options, app, preparation, watch, cancellationToken))),
                TokenGrant.RefreshToken => new RefreshTokenCall(target.Endpoints, client, new TokenPool<string>(
                    await preparation.MintAsync(options.PreparedCount, Prepared(options.Grant), async (session, token) =>
                        TokenField(await RedeemAsync(app, session, token), "refresh_token"), cancellationToken))),
                _ => new IntrospectCall(target.Endpoints, client, await PrepareAccessTokensAsync(options, app, preparation, watch, cancellationToken)),
            };
            prepared = string.Create(CultureInfo.InvariantCulture,
                $"{options.Sessions} member sessions, {options.PreparedCount} {Prepared(options.Grant)} in {watch.Elapsed.TotalSeconds:0.0} s");
            await output.WriteLineAsync($"  prepared {prepared}");
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (SmartLaunchException ex)
        {
            await error.WriteLineAsync("error: preparing: " + ex.Message);
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("error: stopped while preparing; nothing was measured");
            return ExitCodes.RunFailed;
        }

        using var scenario = new TokenEndpointScenario(call);
        var phases = options.Load.ToPhases();
        var targets = new[] { call.Endpoint.ToString() };
        await output.WriteLineAsync(
            $"Running {scenario.Scenario.Name} ({string.Join("; then ", phases.Select(p => p.Describe()))}) against {targets[0]}; Ctrl+C stops early.");
        var result = await LoadTestRunner.RunAsync(scenario.Scenario, phases, options.Load.ToRunSettings(), cancellationToken);
        return await ReportOutput.WriteAsync(new RunReport(result, environment, targets, prepared), options.Load.ReportDirectory, output, error);
    }

    private static string Prepared(TokenGrant grant) => grant switch
    {
        TokenGrant.AuthorizationCode => "authorization codes",
        TokenGrant.RefreshToken => "refresh tokens",
        _ => "access tokens",
    };

    /// <summary>
    /// Mints a first batch to measure how fast codes come, refuses the plan if the rest would make
    /// the first codes expire before the run ends, then mints the rest.
    /// </summary>
    private static async Task<List<PreparedCode>> PrepareCodesAsync(
        TokenCommandOptions options, SmartApp app, TokenPreparation preparation, Stopwatch watch, CancellationToken cancellationToken)
    {
        var total = options.PreparedCount;
        // Big enough that the authserver's first, slower (JIT) answers do not dominate the estimate.
        var probe = Math.Min(total, Math.Max(16, preparation.Sessions.Count * 4));
        var mintingStarted = watch.Elapsed;
        var codes = await preparation.MintAsync(probe, "authorization codes (first batch)", app.AuthorizeAsync, cancellationToken);
        var estimate = CodeLifetimePlan.Extrapolate(watch.Elapsed - mintingStarted, probe, total);
        if (CodeLifetimePlan.Problem(estimate, total, options.Load.Duration, options.Load.Timeout) is { } problem)
        {
            throw new CliUsageException(problem);
        }

        if (total > probe)
        {
            codes.AddRange(await preparation.MintAsync(total - probe, Prepared(options.Grant), app.AuthorizeAsync, cancellationToken));
        }

        // Checked again with the real time: the estimate assumed minting stays as fast as the first batch.
        if (CodeLifetimePlan.Problem(watch.Elapsed - mintingStarted, total, options.Load.Duration, options.Load.Timeout) is { } late)
        {
            throw new CliUsageException(late);
        }

        return codes;
    }

    /// <summary>Access tokens of the confidential app; refused if they would expire before the run ends.</summary>
    private static async Task<List<string>> PrepareAccessTokensAsync(
        TokenCommandOptions options, SmartApp app, TokenPreparation preparation, Stopwatch watch, CancellationToken cancellationToken)
    {
        var responses = await preparation.MintAsync(options.PreparedCount, Prepared(options.Grant), (session, token) => RedeemAsync(app, session, token), cancellationToken);
        var lifetime = responses.Min(r => r["expires_in"]?.GetValueKind() == JsonValueKind.Number ? r["expires_in"]!.GetValue<double>() : double.MaxValue);
        if (watch.Elapsed.TotalSeconds + options.Load.Duration.TotalSeconds + options.Load.Timeout.TotalSeconds >= lifetime)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--duration: the access tokens live {lifetime:0} s (expires_in), less than preparation plus the run; introspection would turn inactive mid-run"));
        }

        return [.. responses.Select(r => TokenField(r, "access_token"))];
    }

    private static async Task<JsonObject> RedeemAsync(SmartApp app, MemberSession session, CancellationToken cancellationToken) =>
        await app.ExchangeAsync(await app.AuthorizeAsync(session, cancellationToken), cancellationToken);

    private static string TokenField(JsonObject response, string name) =>
        response[name]?.GetValueKind() == JsonValueKind.String
            ? response[name]!.GetValue<string>()
            : throw new SmartLaunchException($"the token response has no {name} (is it in the scope the demo app may be granted?)");
}
