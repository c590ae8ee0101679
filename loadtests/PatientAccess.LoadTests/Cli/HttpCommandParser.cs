using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Reads the <c>http</c> command's arguments.</summary>
internal static class HttpCommandParser
{
    public const string Name = "http";

    private static readonly CommandSyntax Syntax = new(["--allow-remote", "--check-fhir"], ["--url", "--header", .. LoadOptionsParser.Names], ["--url", "--header"]);

    public static HttpCommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = CliArguments.Parse(args, Syntax);
        var allowRemote = values.Has("--allow-remote");
        if (!values.Has("--url"))
        {
            throw new CliUsageException("--url: required; give the URL to load, e.g. --url http://127.0.0.1:6000/health/live");
        }

        var urls = values.All("--url").Select(u => CliValues.ParseUrl("--url", u, allowRemote)).ToList();
        var headers = values.All("--header").Select(ParseHeader).ToList();
        return new HttpCommandOptions { Urls = urls, Headers = headers, Load = LoadOptionsParser.Parse(values), AllowRemote = allowRemote, CheckFhir = values.Has("--check-fhir") };
    }

    private static KeyValuePair<string, string> ParseHeader(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text[..colon].Trim() : string.Empty;
        var value = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
        if (name.Length == 0)
        {
            throw new CliUsageException($"--header: '{text}' is not like 'Name: value'");
        }

        if (!HttpGetScenario.IsValidRequestHeader(name, value))
        {
            throw new CliUsageException($"--header: '{name}' cannot be sent on a GET request");
        }

        return new KeyValuePair<string, string>(name, value);
    }
}
