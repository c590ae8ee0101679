using System.Globalization;
using PatientAccess.LoadTests.Scenarios.Token;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Reads the <c>token</c> command's arguments.</summary>
internal static class TokenCommandParser
{
    public const string Name = "token";

    /// <summary>Most codes or tokens one run prepares; a typo must not mint for hours.</summary>
    public const int MaxPrepared = 100_000;

    public const int MaxSessions = 64;

    private static readonly CommandSyntax Syntax = new(
        ["--allow-remote"], [.. SmartTargetParser.Names, .. LoadOptionsParser.Names, "--grant", "--sessions", "--codes"]);

    public static TokenCommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = CliArguments.Parse(args, Syntax);
        var target = SmartTargetParser.Parse(values);
        var grant = CliValues.ParseChoice(
            "--grant",
            values.Required("--grant", "one of authorization_code, refresh_token or introspect"),
            ["authorization_code", "refresh_token", "introspect"]) switch
        {
            "authorization_code" => TokenGrant.AuthorizationCode,
            "refresh_token" => TokenGrant.RefreshToken,
            _ => TokenGrant.Introspect,
        };
        var load = LoadOptionsParser.Parse(values);
        var sessions = values.Single("--sessions") is { } sessionsText
            ? CliValues.ParseCount("--sessions", sessionsText, MaxSessions)
            : TokenCommandOptions.DefaultSessions;
        var codes = values.Single("--codes") is { } codesText ? CliValues.ParseCount("--codes", codesText, MaxPrepared) : (int?)null;
        if (codes is not null && grant != TokenGrant.AuthorizationCode)
        {
            throw new CliUsageException("--codes: only for --grant authorization_code");
        }

        if (codes is not null && load.Concurrency is null)
        {
            throw new CliUsageException("--codes: only with --concurrency; with --rate the run prepares one code per arrival (rate × duration)");
        }

        if (grant == TokenGrant.Introspect && target.Client == ClientKind.Public)
        {
            throw new CliUsageException("--client: introspection authenticates as the confidential app, whose tokens it introspects; drop --client public");
        }

        if (grant == TokenGrant.RefreshToken && !target.Scope.Split(' ').Any(s => s is "offline_access" or "online_access"))
        {
            throw new CliUsageException("--scope: refresh_token needs offline_access or online_access in the scope, or no refresh tokens are issued");
        }

        var options = new TokenCommandOptions { Target = target, Load = load, Grant = grant, Sessions = sessions, Codes = codes };
        if (options.PreparedCount > MaxPrepared)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"{(load.Rate is null ? "--concurrency" : "--rate")}: this plan needs {options.PreparedCount} prepared codes or tokens; at most {MaxPrepared}"));
        }

        if (grant == TokenGrant.AuthorizationCode && CodeLifetimePlan.Problem(TimeSpan.Zero, options.PreparedCount, load.Duration, load.Timeout) is { } problem)
        {
            throw new CliUsageException(problem);
        }

        return options;
    }
}
